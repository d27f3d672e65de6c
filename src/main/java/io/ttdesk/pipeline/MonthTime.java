package io.ttdesk.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One deal's part of a pipeline_month_time row: in which centre and month it took how long for
 * what (a stage, or from disclosure to signature or close), or how many days its signature took.
 */
record MonthTime(String centre, LocalDate month, String measure, int bucket) implements Comparable<MonthTime> {

  static final String TO_SIGNATURE = "DISCLOSURE_TO_SIGNATURE";
  static final String TO_CLOSE = "DISCLOSURE_TO_CLOSE";
  static final String SIGNATURE_DAYS = "SIGNATURE_DAYS";

  /** The upper bounds, in whole days, of the first classes of SIGNATURE_DAYS; a last class holds the rest. */
  static final long[] SIGNATURE_DAY_BOUNDS = {30, 90, 180, 365};

  static MonthTime duration(String centre, Instant at, String measure, long seconds) {
    return new MonthTime(centre, monthOf(at), measure, DurationClasses.of(seconds));
  }

  static MonthTime signatureDays(String centre, Instant signedAt, long seconds) {
    return new MonthTime(centre, monthOf(signedAt), SIGNATURE_DAYS, signatureClass(seconds));
  }

  static int signatureClass(long seconds) {
    long days = seconds / 86_400;
    int c = 0;
    while (c < SIGNATURE_DAY_BOUNDS.length && days > SIGNATURE_DAY_BOUNDS[c]) {
      c++;
    }
    return c;
  }

  static LocalDate monthOf(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
  }

  /** The primary key's order, in which every transaction locks the rows it changes. */
  @Override
  public int compareTo(MonthTime o) {
    int c = centre.compareTo(o.centre);
    c = c != 0 ? c : month.compareTo(o.month);
    c = c != 0 ? c : measure.compareTo(o.measure);
    return c != 0 ? c : Integer.compare(bucket, o.bucket);
  }
}
