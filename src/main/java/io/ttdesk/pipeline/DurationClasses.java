package io.ttdesk.pipeline;

/**
 * Durations sorted into classes of 64 per doubling of seconds (below 64 seconds, one class per
 * second), so that how long deals took can be counted per class and ranked from the counts: a
 * class's middle is within 1/128 of every duration in it. pipeline_month_time's migration computes
 * the same classes in SQL.
 */
final class DurationClasses {

  /** Classes up to the longest duration a long holds. */
  static final int COUNT = 58 * 64;

  private DurationClasses() {}

  static int of(long seconds) {
    if (seconds < 64) {
      return (int) Math.max(seconds, 0);
    }
    int doubling = 63 - Long.numberOfLeadingZeros(seconds);
    return (doubling - 5) * 64 + (int) ((seconds >> (doubling - 6)) & 63);
  }

  /** The middle of a class, in seconds. */
  static long middle(int c) {
    if (c < 128) {
      return c;
    }
    int shift = c / 64 - 1;
    return ((64L + c % 64) << shift) + (1L << shift) / 2;
  }
}
