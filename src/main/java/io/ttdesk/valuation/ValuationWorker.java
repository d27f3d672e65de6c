package io.ttdesk.valuation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.common.Money;
import io.ttdesk.fx.ExchangeRates;
import io.ttdesk.process.DealProcess;
import io.ttdesk.history.Actor;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.JobOnce;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class ValuationWorker {

  private final ValuationService valuations;
  private final ExchangeRates rates;
  private final JobOnce once;

  ValuationWorker(ValuationService valuations, ExchangeRates rates, JobOnce once) {
    this.valuations = valuations;
    this.rates = rates;
    this.once = once;
  }

  @JobWorker(type = Jobs.VALUATION)
  public Map<String, Object> compute(ActivatedJob job, @Variable String dealId) {
    return once.run(job, dealId, () -> {
      Money value = valuations.compute(dealId, Actor.worker(job.getType()));
      Map<String, Object> result = new HashMap<>();
      result.put(Vars.VALUATION_VALUE, value.amount());
      rates.putConverted(result, Vars.VALUATION_VALUE_USD, Vars.VALUATION_USD_RATE, value, DealProcess.DECISION_CURRENCY);
      return result;
    });
  }
}
