package io.ttdesk.valuation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.common.ConflictException;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.Money;
import io.ttdesk.common.NotFoundException;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import io.ttdesk.security.DeskUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The valuation workbench: the worker's relief-from-royalty value, the methods a broker runs on
 * the case, the choice of the one that stands, the sensitivity grid and the technology rating.
 * Every value is stored with the inputs that produced it, so it can be recomputed.
 */
@Service
public class ValuationService {

  public enum Method { RELIEF_FROM_ROYALTY, RISK_ADJUSTED_NPV, TWENTY_FIVE_PERCENT, COMPARABLES }

  /** The process reads the chosen value in stage VALUATION; a choice after that would change nothing. */
  private static final java.util.Set<Stage> CHOOSABLE = java.util.EnumSet.of(Stage.DISCLOSED, Stage.SCREENING,
      Stage.VALUATION);

  private final ValuationRepository valuations;
  private final ValuationChoiceRepository choices;
  private final RatingRepository ratings;
  private final DealService deals;
  private final History history;
  private final ObjectMapper json;
  private final Clock clock;

  ValuationService(ValuationRepository valuations, ValuationChoiceRepository choices, RatingRepository ratings,
      DealService deals, History history, ObjectMapper json, Clock clock) {
    this.valuations = valuations;
    this.choices = choices;
    this.ratings = ratings;
    this.deals = deals;
    this.history = history;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The value the process goes on with: the valuation the broker chose, if any; otherwise relief
   * from royalty on the disclosure's inputs, stored with them.
   */
  @Transactional
  public Money compute(String dealId, Actor actor) {
    Deal deal = deals.lock(dealId);
    deals.enter(dealId, Stage.VALUATION, actor);
    // A revision of the inputs (a valuation sent back) supersedes a choice made before it.
    Optional<ValuationChoice> choice = choices.findFirstByDealIdOrderByIdDesc(dealId)
        .filter(c -> deal.getValuationRevisedAt() == null || c.getChosenAt().isAfter(deal.getValuationRevisedAt()));
    if (choice.isPresent()) {
      Valuation v = valuations.findById(choice.get().getValuationId()).orElseThrow();
      Money value = Money.of(v.getValueAmount(), v.getCurrency());
      history.record(dealId, actor, "VALUATION_COMPUTED", "Valued at " + value + " (" + v.getMethod() + ", chosen)",
          Map.of("method", v.getMethod(), "valuationId", v.getId(), "value", value.amount(),
              "currency", v.getCurrency(), "chosenBy", choice.get().getChosenBy(), "reason", choice.get().getReason()));
      return value;
    }
    Deal.Valuation in = deal.valuationInputs();
    Valuation v = reliefFromRoyalty(deal, new ReliefFromRoyalty.Inputs(in.currency(), in.projectedRevenue(),
        in.royaltyRate(), in.taxRate(), in.discountRate()), actor.name());
    Money value = Money.of(v.getValueAmount(), v.getCurrency());
    history.record(dealId, actor, "VALUATION_COMPUTED", "Valued at " + value + " (relief from royalty)",
        Map.of("method", Method.RELIEF_FROM_ROYALTY, "valuationId", v.getId(), "value", value.amount(),
            "currency", v.getCurrency(), "inputs", read(v.getInputs()), "rounding", "HALF_EVEN to minor unit"));
    return value;
  }

  @Transactional
  public Valuation runReliefFromRoyalty(String dealId, List<BigDecimal> revenue, BigDecimal royalty, BigDecimal tax,
      BigDecimal discount, Integer usefulLife, DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, null, "a valuation");
    Valuation v = reliefFromRoyalty(deal, new ReliefFromRoyalty.Inputs(currency(deal), revenue, royalty, tax, discount,
        usefulLife), user.getUsername());
    return ran(v, user);
  }

  @Transactional
  public Valuation runRiskAdjustedNpv(String dealId, BigDecimal discount, List<Methods.StageCashFlow> flows,
      DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, null, "a valuation");
    Money value = Methods.riskAdjustedNpv(currency(deal), discount, flows);
    return ran(store(deal, Method.RISK_ADJUSTED_NPV, value,
        Map.of("discountRate", discount, "cashFlows", flows), Map.of(), user.getUsername()), user);
  }

  @Transactional
  public Valuation runProfitShare(String dealId, List<BigDecimal> operatingProfit, BigDecimal share,
      BigDecimal discount, DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, null, "a valuation");
    Money value = Methods.profitShare(currency(deal), operatingProfit, share, discount);
    return ran(store(deal, Method.TWENTY_FIVE_PERCENT, value,
        Map.of("operatingProfit", operatingProfit, "sharePercent", share, "discountRate", discount),
        Map.of("caveat", "a rule of thumb only, not evidence of a reasonable royalty"), user.getUsername()), user);
  }

  /** Comparable deals' royalty rates, applied by relief from royalty to the deal's own projection. */
  @Transactional
  public Valuation runComparables(String dealId, List<Methods.Comparable> comparables, DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, null, "a valuation");
    if (comparables.size() < 2) {
      throw new InvalidInputException("comparables", "needs at least two comparable deals");
    }
    Methods.RateRange range = Methods.comparables(comparables);
    Deal.Valuation in = deal.valuationInputs();
    ReliefFromRoyalty.Inputs base = new ReliefFromRoyalty.Inputs(in.currency(), in.projectedRevenue(), range.median(),
        in.taxRate(), in.discountRate());
    Money value = ReliefFromRoyalty.value(base);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("medianRate", range.median());
    details.put("lowRate", range.low());
    details.put("highRate", range.high());
    details.put("valueAtLow", ReliefFromRoyalty.value(base.withRates(range.low(), in.discountRate())).amount());
    details.put("valueAtHigh", ReliefFromRoyalty.value(base.withRates(range.high(), in.discountRate())).amount());
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("comparables", comparables);
    inputs.put("projectedRevenue", in.projectedRevenue());
    inputs.put("taxRate", in.taxRate());
    inputs.put("discountRate", in.discountRate());
    return ran(store(deal, Method.COMPARABLES, value, inputs, details, user.getUsername()), user);
  }

  /** The broker's pick of the valuation that stands; the process uses it when it values the deal. */
  @Transactional
  public ValuationChoice choose(String dealId, long valuationId, String reason, DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, null, "choosing a valuation");
    if (!CHOOSABLE.contains(deal.getStage())) {
      throw new ConflictException("stage", "the valuation was settled when the deal left stage VALUATION");
    }
    Valuation v = valuations.findByIdAndDealId(valuationId, dealId)
        .orElseThrow(() -> new NotFoundException("valuation", valuationId));
    ValuationChoice choice = choices.save(new ValuationChoice(dealId, v.getId(), reason, user.getUsername(),
        clock.instant()));
    history.record(dealId, user.actor(), "VALUATION_CHOSEN", v.getMethod() + " chosen: " + v.getValueAmount()
        + " " + v.getCurrency(), Map.of("valuationId", v.getId(), "method", v.getMethod(), "reason", reason));
    return choice;
  }

  @Transactional
  public Rating rate(String dealId, TechnologyRating.Score management, TechnologyRating.Score technology,
      TechnologyRating.Score marketability, TechnologyRating.Score businessProspects, BigDecimal riskFactor,
      DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, null, "a rating");
    TechnologyRating.Inputs in = new TechnologyRating.Inputs(management, technology, marketability, businessProspects,
        riskFactor, deal.getTrl());
    TechnologyRating.Result r = TechnologyRating.rate(in);
    Rating saved = ratings.save(new Rating(dealId, in, r, user.getUsername(), clock.instant()));
    history.record(dealId, user.actor(), "TECHNOLOGY_RATED", "Technology rated " + r.grade(),
        Map.of("inputs", in, "points", r.points(), "grade", r.grade(), "financeable", r.financeable()));
    return saved;
  }

  @Transactional(readOnly = true)
  public List<Methods.Sensitivity> sensitivity(Deal deal) {
    Deal.Valuation in = deal.valuationInputs();
    return Methods.sensitivity(new ReliefFromRoyalty.Inputs(in.currency(), in.projectedRevenue(), in.royaltyRate(),
        in.taxRate(), in.discountRate()));
  }

  @Transactional(readOnly = true)
  public List<Valuation> of(String dealId) {
    return valuations.findByDealIdOrderByIdAsc(dealId);
  }

  @Transactional(readOnly = true)
  public Optional<ValuationChoice> choice(String dealId) {
    return choices.findFirstByDealIdOrderByIdDesc(dealId);
  }

  @Transactional(readOnly = true)
  public Optional<Rating> rating(String dealId) {
    return ratings.findFirstByDealIdOrderByIdDesc(dealId);
  }

  private Valuation reliefFromRoyalty(Deal deal, ReliefFromRoyalty.Inputs in, String by) {
    Money value = ReliefFromRoyalty.value(in);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("projectedRevenue", in.projectedRevenue());
    inputs.put("royaltyRate", in.royaltyRatePercent());
    inputs.put("taxRate", in.taxRatePercent());
    inputs.put("discountRate", in.discountRatePercent());
    inputs.put("usefulLifeYears", in.usefulLifeYears() == null ? in.projectedRevenue().size() : in.usefulLifeYears());
    return store(deal, Method.RELIEF_FROM_ROYALTY, value, inputs, Map.of(), by);
  }

  private Valuation store(Deal deal, Method method, Money value, Object inputs, Object details, String by) {
    return valuations.save(new Valuation(deal.getId(), method.name(), value.currency().getCurrencyCode(),
        value.amount(), write(inputs), write(details), by, clock.instant()));
  }

  private Valuation ran(Valuation v, DeskUser user) {
    history.record(v.getDealId(), user.actor(), "VALUATION_RUN", v.getMethod() + ": " + v.getValueAmount() + " "
        + v.getCurrency(), Map.of("valuationId", v.getId(), "method", v.getMethod(), "inputs", read(v.getInputs()),
        "details", read(v.getDetails())));
    return v;
  }

  private static java.util.Currency currency(Deal deal) {
    return java.util.Currency.getInstance(deal.getCurrency());
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object read(String text) {
    try {
      return text == null ? Map.of() : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
