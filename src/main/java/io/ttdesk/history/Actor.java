package io.ttdesk.history;

/**
 * Who caused a change: a signed-in person with the roles they held then, or a worker of the
 * application (no role).
 */
public record Actor(String name, Kind kind, String role) {

  public enum Kind { USER, SYSTEM }

  public static Actor user(String username, String roles) {
    return new Actor(username, Kind.USER, roles);
  }

  public static Actor worker(String jobType) {
    return new Actor("worker:" + jobType, Kind.SYSTEM, null);
  }
}
