package io.ttdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Samples in milliseconds, and their percentiles by nearest rank. */
final class Figures {

  private final ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();

  void add(double millis) {
    samples.add(millis);
  }

  void addNanos(long nanos) {
    samples.add(nanos / 1_000_000.0);
  }

  int count() {
    return samples.size();
  }

  double percentile(double p) {
    List<Double> sorted = new ArrayList<>(samples);
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
