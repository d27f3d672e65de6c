package io.ttdesk.valuation;

import io.ttdesk.common.Money;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ValuationService {

  static final String RELIEF_FROM_ROYALTY = "RELIEF_FROM_ROYALTY";

  private final ValuationRepository valuations;
  private final DealService deals;
  private final History history;
  private final Clock clock;

  ValuationService(ValuationRepository valuations, DealService deals, History history, Clock clock) {
    this.valuations = valuations;
    this.deals = deals;
    this.history = history;
    this.clock = clock;
  }

  /** Values the deal from its current inputs and stores the result with them. */
  @Transactional
  public Money compute(String dealId, Actor actor) {
    Deal deal = deals.lock(dealId);
    deals.enter(dealId, Stage.VALUATION, actor);
    Deal.Valuation in = deal.valuationInputs();
    Money value = ReliefFromRoyalty.value(new ReliefFromRoyalty.Inputs(in.currency(), in.projectedRevenue(),
        in.royaltyRate(), in.taxRate(), in.discountRate()));
    String revenue = in.projectedRevenue().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(","));
    valuations.save(new Valuation(dealId, RELIEF_FROM_ROYALTY, value.currency().getCurrencyCode(), revenue,
        in.royaltyRate(), in.taxRate(), in.discountRate(), value.amount(), clock.instant()));
    history.record(dealId, actor, "VALUATION_COMPUTED", "Valued at " + value + " (relief from royalty)",
        Map.of("method", RELIEF_FROM_ROYALTY, "value", value.amount(), "currency", value.currency().getCurrencyCode(),
            "projectedRevenue", revenue, "royaltyRate", in.royaltyRate(), "taxRate", in.taxRate(),
            "discountRate", in.discountRate(), "rounding", "HALF_EVEN to minor unit"));
    return value;
  }

  @Transactional(readOnly = true)
  public List<Valuation> of(String dealId) {
    return valuations.findByDealIdOrderByIdAsc(dealId);
  }
}
