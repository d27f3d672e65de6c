package io.ttdesk.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import io.ttdesk.process.DealProcess.Decision;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.JobOnce;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Puts each decision-table outcome, with the inputs that produced it, on the case history. */
@Component
public class DecisionWorker {

  private final DealService deals;
  private final History history;
  private final JobOnce once;

  DecisionWorker(DealService deals, History history, JobOnce once) {
    this.deals = deals;
    this.history = history;
    this.once = once;
  }

  @JobWorker(type = Jobs.DECISION_RECORD, fetchAllVariables = true)
  public Map<String, Object> record(ActivatedJob job) {
    Decision decision = Decision.ofElement(job.getElementId());
    Map<String, Object> vars = job.getVariablesAsMap();
    String dealId = (String) vars.get(Vars.DEAL_ID);
    return once.run(job, dealId, () -> {
      deals.lock(dealId);
      Map<String, Object> inputs = new LinkedHashMap<>();
      decision.inputs.forEach(name -> inputs.put(name, vars.get(name)));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("decision", decision.decisionId);
      data.put("processVersion", job.getProcessDefinitionVersion());
      data.put("inputs", inputs);
      data.put(decision.resultVariable, vars.get(decision.resultVariable));
      history.record(dealId, Actor.worker(job.getType()), "DECISION_EVALUATED",
          "Decision " + decision.decisionId + ": " + decision.resultVariable + " = " + vars.get(decision.resultVariable),
          data);
      return Map.of();
    });
  }
}
