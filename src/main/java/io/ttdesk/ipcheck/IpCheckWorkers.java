package io.ttdesk.ipcheck;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.history.Actor;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.JobOnce;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class IpCheckWorkers {

  private final IpCheckService checks;
  private final JobOnce once;

  IpCheckWorkers(IpCheckService checks, JobOnce once) {
    this.checks = checks;
    this.once = once;
  }

  @JobWorker(type = Jobs.PATENT_CHECK)
  public Map<String, Object> patent(ActivatedJob job, @Variable String dealId) {
    return once.run(job, dealId, () -> {
      IpCheckService.PatentPosition p = checks.checkPatentPosition(dealId, Actor.worker(job.getType()));
      return Map.of(Vars.PATENT_POSITION, p.position(), Vars.OWNERSHIP_CLEAR, p.ownershipClear());
    });
  }

  @JobWorker(type = Jobs.SCREENING)
  public Map<String, Object> screening(ActivatedJob job, @Variable String dealId) {
    return once.run(job, dealId, () -> {
      IpCheckService.Screening s = checks.screen(dealId, Actor.worker(job.getType()));
      return Map.of(Vars.SCREENING_RESULT, s.result().name(), Vars.EXPORT_RESTRICTED, s.exportRestricted());
    });
  }
}
