package io.ttdesk.process;

import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.common.ConflictException;
import io.ttdesk.common.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs whose retries ran out. The engine raises its own incident (seen in Operate); the application
 * keeps one too, so the deal's managers see it, and after fixing the cause send the deal through
 * the failed step again: the stuck step is ended and started anew in the same process instance.
 */
@Service
public class Incidents {

  private static final Logger log = LoggerFactory.getLogger(Incidents.class);

  private final IncidentRepository incidents;
  private final Engine engine;
  private final Clock clock;

  Incidents(IncidentRepository incidents, Engine engine, Clock clock) {
    this.incidents = incidents;
    this.engine = engine;
    this.clock = clock;
  }

  /** Records a job whose last retry failed; a failure to record it is logged, the engine's own incident stays. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void raise(ActivatedJob job, String dealId, String message) {
    if (!incidents.existsById(job.getKey())) {
      incidents.save(new Incident(job.getKey(), dealId, job.getType(), job.getElementId(), job.getElementInstanceKey(),
          job.getProcessInstanceKey(), message, clock.instant()));
    }
    log.error("Job {} ({}) of deal {} ran out of retries: {}", job.getKey(), job.getType(), dealId, message);
  }

  /** Open incidents of the centres' deals; with {@code all}, also those whose deal is unknown. */
  @Transactional(readOnly = true)
  public List<Incident> open(Collection<String> centres, boolean all) {
    return centres.isEmpty() && !all ? List.of() : incidents.openIn(centres.isEmpty() ? List.of("") : centres, all);
  }

  /**
   * Sends the deal through the failed step again. Only an open incident of the caller's centres (or,
   * with {@code all}, of no known deal) is theirs to retry; any other answers as unknown.
   */
  @Transactional
  public Incident retry(long jobKey, Collection<String> centres, boolean all, String user) {
    if (open(centres, all).stream().noneMatch(i -> i.getJobKey() == jobKey)) {
      throw new NotFoundException("incident", jobKey);
    }
    // Locked: of two people retrying at once, the second sees the first one's retry.
    Incident incident = incidents.lockById(jobKey).orElseThrow(() -> new NotFoundException("incident", jobKey));
    if (!incident.isOpen()) {
      throw new ConflictException("incident", "was already retried by " + incident.getRetriedBy());
    }
    if (!engine.restartElement(incident.getProcessInstanceKey(), incident.getElementInstanceKey(),
        incident.getElementId())) {
      throw new ConflictException("incident", "the engine cannot restart " + incident.getElementId()
          + " here (it runs in several branches at once); resolve it in Operate");
    }
    incident.retried(user, clock.instant());
    log.info("Incident of job {} ({}) retried by {}", jobKey, incident.getJobType(), user);
    return incident;
  }
}
