package io.ttdesk.process;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a worker's effect at most once per job key. The effect and the record of the job commit
 * together; a job delivered again returns the stored result. Two deliveries racing collide on
 * the job key's primary key: the loser rolls back and its retry finds the stored result.
 */
@Component
public class JobOnce {

  private static final Logger log = LoggerFactory.getLogger(JobOnce.class);
  private static final Duration RETRY_BACKOFF = Duration.ofSeconds(5);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ProcessedJobRepository processed;
  private final TransactionTemplate tx;
  private final ObjectMapper json;
  private final Clock clock;
  private final Incidents incidents;
  private final DealReferences references;
  private final MeterRegistry meters;

  JobOnce(ProcessedJobRepository processed, TransactionTemplate tx, ObjectMapper json, Clock clock,
      Incidents incidents, DealReferences references, MeterRegistry meters) {
    this.processed = processed;
    this.tx = tx;
    this.json = json;
    this.clock = clock;
    this.incidents = incidents;
    this.references = references;
    this.meters = meters;
  }

  /** Puts the job and its deal (id and reference) into the log context until closed. */
  public JobLog log(ActivatedJob job, String dealId) {
    return JobLog.of(job.getKey(), job.getType(), dealId, references.of(dealId));
  }

  /** The diagram elements whose jobs have run for a deal. */
  @Transactional(readOnly = true)
  public List<String> elementsDone(String dealId) {
    return processed.elementsOf(dealId);
  }

  public Map<String, Object> run(ActivatedJob job, String dealId, Supplier<Map<String, Object>> effect) {
    try (JobLog ignored = log(job, dealId)) {
      return runLogged(job, dealId, effect);
    }
  }

  private Map<String, Object> runLogged(ActivatedJob job, String dealId, Supplier<Map<String, Object>> effect) {
    try {
      return once(job, dealId, effect);
    } catch (RuntimeException e) {
      // A technical failure: the engine retries after a backoff that grows as retries run out.
      int retriesLeft = Math.max(job.getRetries() - 1, 0);
      Duration backoff = RETRY_BACKOFF.multipliedBy(Math.max(1, 3 - retriesLeft));
      log.warn("Job {} ({}) of deal {} failed, {} retries left: {}", job.getKey(), job.getType(), dealId, retriesLeft,
          e.toString());
      if (retriesLeft == 0) {
        meters.counter("ttdesk.job.incidents", "type", job.getType()).increment();
        try {
          incidents.raise(job, dealId, e.toString());
        } catch (RuntimeException unrecorded) {
          log.error("Incident of job {} not recorded (the engine keeps its own): {}", job.getKey(), unrecorded.toString());
        }
      }
      throw new JobError(job.getType() + " failed: " + e.getMessage(), null, retriesLeft, backoff, e);
    }
  }

  private Map<String, Object> once(ActivatedJob job, String dealId, Supplier<Map<String, Object>> effect) {
    return tx.execute(status -> processed.findById(job.getKey())
        .map(done -> read(done.result()))
        .orElseGet(() -> {
          Map<String, Object> result = effect.get();
          processed.saveAndFlush(new ProcessedJob(job.getKey(), job.getType(), dealId, job.getElementId(), write(result),
              clock.instant()));
          return result;
        }));
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readerFor(MAP).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Map<String, Object> result) {
    try {
      return json.writeValueAsString(result);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
