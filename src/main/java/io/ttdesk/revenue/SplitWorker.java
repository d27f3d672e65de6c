package io.ttdesk.revenue;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.history.Actor;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.JobOnce;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class SplitWorker {

  private final RevenueService revenue;
  private final JobOnce once;

  SplitWorker(RevenueService revenue, JobOnce once) {
    this.revenue = revenue;
    this.once = once;
  }

  @JobWorker(type = Jobs.SPLIT_REVENUE)
  public Map<String, Object> split(ActivatedJob job, @Variable String dealId, @Variable Map<String, Object> milestone) {
    return once.run(job, dealId, () -> {
      revenue.split(dealId, String.valueOf(milestone.get("id")), Actor.worker(job.getType()));
      return Map.of();
    });
  }
}
