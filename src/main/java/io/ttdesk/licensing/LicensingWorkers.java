package io.ttdesk.licensing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.history.Actor;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.JobOnce;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class LicensingWorkers {

  private final LicensingService licensing;
  private final RoyaltyService royalties;
  private final JobOnce once;

  LicensingWorkers(LicensingService licensing, RoyaltyService royalties, JobOnce once) {
    this.licensing = licensing;
    this.royalties = royalties;
    this.once = once;
  }

  /** A new offer starts a fresh reminder count. */
  @JobWorker(type = Jobs.SEND_OFFER)
  public Map<String, Object> sendOffer(ActivatedJob job, @Variable String dealId) {
    return once.run(job, dealId, () -> {
      licensing.sendOffer(dealId, Actor.worker(job.getType()));
      return Map.of(Vars.REMINDER_COUNT, 0);
    });
  }

  @JobWorker(type = Jobs.SEND_REMINDER)
  public Map<String, Object> sendReminder(ActivatedJob job, @Variable String dealId, @Variable Integer reminderCount) {
    return once.run(job, dealId, () -> Map.of(Vars.REMINDER_COUNT,
        licensing.sendReminder(dealId, reminderCount == null ? 0 : reminderCount, Actor.worker(job.getType()))));
  }

  @JobWorker(type = Jobs.ACTIVATE_CONTRACT)
  public Map<String, Object> activate(ActivatedJob job, @Variable String dealId, @Variable String signedOn) {
    return once.run(job, dealId, () -> {
      LicensingService.Activation a = licensing.activateContract(dealId, LocalDate.parse(signedOn),
          Actor.worker(job.getType()));
      return Map.of(Vars.MILESTONES, a.milestones(), Vars.ROYALTY_PERIODS, a.royaltyPeriods());
    });
  }

  /** Once a period's report is in: the payment it made due, or null, for the period to await. */
  @JobWorker(type = Jobs.ROYALTY_DUE)
  public Map<String, Object> royaltyDue(ActivatedJob job, @Variable String dealId, @Variable Map<String, Object> period) {
    return once.run(job, dealId, () -> {
      Map<String, Object> result = new HashMap<>();
      result.put(Vars.MILESTONE, royalties.dueFor(dealId, String.valueOf(period.get("id"))).orElse(null));
      return result;
    });
  }
}
