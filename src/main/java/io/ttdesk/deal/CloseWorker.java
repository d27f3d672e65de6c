package io.ttdesk.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.history.Actor;
import io.ttdesk.process.DealProcess.Headers;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.JobOnce;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The job-based end events: each records the outcome it stands for. */
@Component
public class CloseWorker {

  private final DealService deals;
  private final JobOnce once;

  CloseWorker(DealService deals, JobOnce once) {
    this.deals = deals;
    this.once = once;
  }

  @JobWorker(type = Jobs.CLOSE, fetchVariables = "dealId")
  public Map<String, Object> close(ActivatedJob job, @Variable String dealId) {
    Outcome outcome = Outcome.valueOf(job.getCustomHeaders().get(Headers.OUTCOME));
    return once.run(job, dealId, () -> {
      deals.close(dealId, outcome, Actor.worker(job.getType()));
      return Map.of();
    });
  }
}
