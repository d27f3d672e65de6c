package io.ttdesk.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Deal references for log lines, read once per deal: a reference never changes. */
@Component
class DealReferences {

  private static final int MAX = 10_000;

  private final ProcessedJobRepository jobs;
  private final Map<String, String> known = new ConcurrentHashMap<>();

  DealReferences(ProcessedJobRepository jobs) {
    this.jobs = jobs;
  }

  /** The deal's reference, or null when the deal is unknown or cannot be read now. */
  String of(String dealId) {
    if (dealId == null) {
      return null;
    }
    String reference = known.get(dealId);
    if (reference == null) {
      try {
        reference = jobs.referenceOf(dealId).orElse(null);
      } catch (RuntimeException e) {
        // Only a log line goes without the reference; the job itself meets the failure and retries.
        return null;
      }
      if (reference != null) {
        if (known.size() >= MAX) {
          known.clear();
        }
        known.put(dealId, reference);
      }
    }
    return reference;
  }
}
