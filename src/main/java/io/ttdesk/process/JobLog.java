package io.ttdesk.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The deal and the job that a worker's log lines are about, in the thread's logging context (MDC)
 * until closed; the log pattern prints them. Closing restores what the thread had before.
 */
public final class JobLog implements AutoCloseable {

  /** The deal's reference, such as SHA-2026-0001. */
  public static final String DEAL = "deal";
  public static final String DEAL_ID = "dealId";
  public static final String JOB = "job";
  public static final String JOB_TYPE = "jobType";

  private final Map<String, String> previous = new LinkedHashMap<>();

  private JobLog(Map<String, String> values) {
    values.forEach((key, value) -> {
      previous.put(key, MDC.get(key));
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    });
  }

  public static JobLog of(long jobKey, String jobType, String dealId, String reference) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(DEAL, reference);
    values.put(DEAL_ID, dealId);
    values.put(JOB, Long.toString(jobKey));
    values.put(JOB_TYPE, jobType);
    return new JobLog(values);
  }

  @Override
  public void close() {
    previous.forEach((key, value) -> {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    });
  }
}
