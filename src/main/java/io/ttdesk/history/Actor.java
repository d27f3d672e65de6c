package io.ttdesk.history;

/** Who caused a change: a signed-in person, or a worker of the application. */
public record Actor(String name, Kind kind) {

  public enum Kind { USER, SYSTEM }

  public static Actor user(String username) {
    return new Actor(username, Kind.USER);
  }

  public static Actor worker(String jobType) {
    return new Actor("worker:" + jobType, Kind.SYSTEM);
  }
}
