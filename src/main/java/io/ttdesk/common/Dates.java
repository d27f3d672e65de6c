package io.ttdesk.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Calendar dates entered by people in many time zones: "today" is checked against the widest
 * window, so that no one is refused today's date because the server runs on UTC.
 */
public final class Dates {

  /** Where a calendar day begins first (UTC+14) and ends last (UTC-12). */
  public static final ZoneOffset FIRST_ZONE = ZoneOffset.ofHours(14);
  public static final ZoneOffset LAST_ZONE = ZoneOffset.ofHours(-12);

  private Dates() {}

  /** The latest date it is anywhere now: a date after it is in the future for everyone. */
  public static LocalDate latestToday(Clock clock) {
    return LocalDate.now(clock.withZone(FIRST_ZONE));
  }

  /** The earliest date it is anywhere now: a date before it is in the past for everyone. */
  public static LocalDate earliestToday(Clock clock) {
    return LocalDate.now(clock.withZone(LAST_ZONE));
  }
}
