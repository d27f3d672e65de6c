package io.ttdesk.revenue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.common.ConflictException;
import io.ttdesk.common.Dates;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.Money;
import io.ttdesk.common.NotFoundException;
import io.ttdesk.deal.CentreRepository;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.fx.ExchangeRates;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import io.ttdesk.licensing.LicensingService;
import io.ttdesk.licensing.ScheduledPayment;
import io.ttdesk.process.DealProcess.Messages;
import io.ttdesk.process.Engine;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RevenueService {

  private final PaymentRepository payments;
  private final LedgerLineRepository ledger;
  private final DistributionPolicyRepository policies;
  private final DealService deals;
  private final LicensingService licensing;
  private final TaskService tasks;
  private final History history;
  private final Engine engine;
  private final CentreRepository centres;
  private final ExchangeRates rates;
  private final Clock clock;
  private final ObjectMapper json;

  RevenueService(PaymentRepository payments, LedgerLineRepository ledger, DistributionPolicyRepository policies,
      DealService deals, LicensingService licensing, TaskService tasks, History history, Engine engine,
      CentreRepository centres, ExchangeRates rates, Clock clock, ObjectMapper json) {
    this.payments = payments;
    this.ledger = ledger;
    this.policies = policies;
    this.deals = deals;
    this.licensing = licensing;
    this.tasks = tasks;
    this.history = history;
    this.engine = engine;
    this.centres = centres;
    this.rates = rates;
    this.clock = clock;
    this.json = json;
  }

  /** Records a payment against a scheduled milestone and tells the process it arrived. */
  @Transactional
  public Payment receive(String dealId, String milestone, Money amount, LocalDate receivedOn, DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, Stage.EXECUTION, "a payment");
    if (!licensing.activated(dealId)) {
      throw new ConflictException("milestone", "the payment schedule is still being set up; try again shortly");
    }
    ScheduledPayment due = licensing.scheduled(dealId, milestone)
        .orElseThrow(() -> new InvalidInputException("milestone", "is not in the deal's payment schedule"));
    if (!due.getCurrency().equals(amount.currency().getCurrencyCode())) {
      throw new InvalidInputException("currency", "must be " + due.getCurrency() + ", the contract currency");
    }
    if (receivedOn.isAfter(Dates.latestToday(clock))) {
      throw new InvalidInputException("receivedOn", "must not be in the future");
    }
    if (payments.findByDealIdAndMilestone(dealId, milestone).isPresent()) {
      throw new ConflictException("milestone", "a payment for " + milestone + " is already recorded");
    }
    var centre = centres.findById(deal.getCentre()).orElseThrow();
    String centreCurrency = centre.getCurrency();
    // Everything the split will need is checked now, so an accepted payment is always split.
    DistributionPolicy policy = policies.inForce(centre.getRevenuePolicy(), receivedOn).stream().findFirst()
        .orElseThrow(() -> new InvalidInputException("receivedOn", "no version of the centre's policy "
            + centre.getRevenuePolicy() + " is in force on " + receivedOn));
    if (policy.rule().tiers().size() > 1 && policy.getThresholdCurrency() != null
        && rates.on(policy.getThresholdCurrency(), amount.currency().getCurrencyCode(), receivedOn).isEmpty()) {
      throw new InvalidInputException("currency", "no exchange rate from " + policy.getThresholdCurrency() + " to "
          + amount.currency() + " on or before " + receivedOn + " for the thresholds of " + centre.getRevenuePolicy());
    }
    ExchangeRates.Applied reporting = rates.on(amount.currency().getCurrencyCode(), centreCurrency, receivedOn)
        .orElseThrow(() -> new InvalidInputException("currency", "no exchange rate from " + amount.currency()
            + " to " + centreCurrency + " on or before " + receivedOn + "; record one at /api/v1/exchange-rates"));
    Payment p = payments.saveAndFlush(new Payment(dealId, milestone, amount, receivedOn, reporting,
        centre.getRevenuePolicy(), user.getUsername(), clock.instant()));
    history.record(dealId, user.actor(), "PAYMENT_RECEIVED", "Payment " + amount + " for " + milestone,
        Map.of("paymentId", p.getId(), "milestone", milestone, "amount", p.getAmount(), "currency", p.getCurrency(),
            "receivedOn", receivedOn, "scheduled", due.getAmount(), "reported", Map.of("currency", centreCurrency,
                "amount", p.getReportingAmount(), "rate", reporting.rate(), "rateDate", reporting.date(),
                "source", reporting.source())));
    engine.publish(Messages.PAYMENT_RECEIVED, Messages.paymentKey(dealId, milestone), Messages.paymentId(p.getId()), Map.of());
    return p;
  }

  /**
   * Splits a milestone's payment by the policy version in force on the day it was received.
   * Patent costs are reimbursed only up to what is still outstanding in the payment's currency.
   */
  @Transactional
  public List<LedgerLine> split(String dealId, String milestone, Actor actor) {
    Deal deal = deals.lock(dealId);
    Payment p = payments.findByDealIdAndMilestone(dealId, milestone)
        .orElseThrow(() -> new IllegalStateException("no payment for " + dealId + " " + milestone));
    if (ledger.existsByPaymentId(p.getId())) {
      return ledger.findByPaymentIdOrderByLineNoAsc(p.getId());
    }
    String policyCode = p.getPolicyCode();
    DistributionPolicy policy = policies.inForce(policyCode, p.getReceivedOn()).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("no policy " + policyCode + " in force on " + p.getReceivedOn()));
    SplitRule rule = policy.rule();
    Money payment = Money.of(p.getAmount(), p.getCurrency());
    Money outstanding = Money.zero(payment.currency());
    if (deal.getCurrency().equals(p.getCurrency())) {
      BigDecimal reimbursed = ledger.total(dealId, SplitRule.Kind.PATENT_COSTS, p.getCurrency());
      outstanding = deal.patentCostsMoney().minus(Money.of(reimbursed, p.getCurrency()));
    }
    // Tier thresholds are stated in the policy's currency: convert them at the rate of the payment's day.
    String thresholdCurrency = policy.getThresholdCurrency() == null || rule.tiers().size() == 1
        ? p.getCurrency() : policy.getThresholdCurrency();
    ExchangeRates.Applied thresholdRate = rates.on(thresholdCurrency, p.getCurrency(), p.getReceivedOn())
        .orElseThrow(() -> new IllegalStateException("no exchange rate from " + thresholdCurrency + " to "
            + p.getCurrency() + " on or before " + p.getReceivedOn() + " for the thresholds of " + policyCode));
    Money netBefore = Money.of(ledger.netSoFar(dealId, p.getCurrency()), p.getCurrency());
    List<SplitRule.Line> lines = rule.split(payment, new SplitRule.History(outstanding, netBefore, thresholdRate.rate()),
        deal.getInventors().stream()
            .map(i -> new SplitRule.InventorShare(i.name(), i.department(), i.sharePercent())).toList());
    List<LedgerLine> saved = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      saved.add(ledger.save(new LedgerLine(p.getId(), dealId, i + 1, lines.get(i), rule.policyCode(),
          rule.policyVersion(), clock.instant())));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("paymentId", p.getId());
    data.put("payment", payment.toString());
    data.put("policy", rule.policyCode() + " v" + rule.policyVersion());
    data.put("patentCostsOutstanding", outstanding.toString());
    data.put("netBefore", netBefore.toString());
    if (!thresholdRate.from().equals(thresholdRate.to())) {
      data.put("thresholdRate", thresholdRate);
    }
    data.put("lines", lines.stream().map(l -> Map.of("kind", l.kind(), "beneficiary", l.beneficiary(),
        "amount", l.amount().amount(), "basis", l.basis())).toList());
    data.put("rounding", "HALF_EVEN office fee; largest remainder for shares");
    history.record(dealId, actor, "PAYMENT_SPLIT", "Payment " + payment + " split by " + data.get("policy"), data);
    tasks.withdrawForSubject(dealId, milestone, "payment received");
    return saved;
  }

  /** A split computed again from what the trail stored, line by line next to what was paid out. */
  public record Recomputation(String paymentId, String policy, String payment, String patentCostsOutstanding,
      String netBefore, BigDecimal thresholdRate, List<ComparedLine> lines, boolean matches) {}

  public record ComparedLine(int lineNo, String kind, String beneficiary, BigDecimal paid, BigDecimal recomputed,
      boolean same) {}

  /**
   * Splits a paid-out payment again with the same policy version and the inputs its PAYMENT_SPLIT
   * event recorded (patent costs outstanding, earlier net income, the threshold rate), so an
   * auditor sees whether the ledger still says what the rule gives.
   */
  @Transactional(readOnly = true)
  public Recomputation recompute(Deal deal, String paymentId) {
    String dealId = deal.getId();
    Payment p = payments.findById(paymentId).filter(x -> x.getDealId().equals(dealId))
        .orElseThrow(() -> new NotFoundException("payment", paymentId));
    List<LedgerLine> paid = ledger.findByPaymentIdOrderByLineNoAsc(paymentId);
    JsonNode inputs = history.of(dealId).stream().filter(e -> e.getType().equals("PAYMENT_SPLIT"))
        .map(e -> read(e.getData())).filter(d -> paymentId.equals(d.path("paymentId").asText())).findFirst()
        .orElseThrow(() -> new ConflictException("payment", "the payment has not been split yet"));
    DistributionPolicy policy = policies.findById(new DistributionPolicy.Key(paid.getFirst().getPolicyCode(),
        paid.getFirst().getPolicyVersion())).orElseThrow();
    BigDecimal rate = inputs.has("thresholdRate") ? inputs.get("thresholdRate").get("rate").decimalValue() : BigDecimal.ONE;
    List<SplitRule.Line> again = policy.rule().split(Money.of(p.getAmount(), p.getCurrency()),
        new SplitRule.History(money(inputs.get("patentCostsOutstanding").asText()),
            money(inputs.get("netBefore").asText()), rate),
        deal.getInventors().stream().map(i -> new SplitRule.InventorShare(i.name(), i.department(), i.sharePercent()))
            .toList());
    List<ComparedLine> lines = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(again.size(), paid.size()); i++) {
      SplitRule.Line r = i < again.size() ? again.get(i) : null;
      LedgerLine l = i < paid.size() ? paid.get(i) : null;
      BigDecimal was = l == null ? null : Money.of(l.getAmount(), l.getCurrency()).amount();
      BigDecimal now = r == null ? null : r.amount().amount();
      lines.add(new ComparedLine(i + 1, (r != null ? r.kind() : l.getKind()).name(),
          r != null ? r.beneficiary() : l.getBeneficiary(), was, now,
          r != null && l != null && r.kind() == l.getKind() && r.beneficiary().equals(l.getBeneficiary())
              && was.compareTo(now) == 0));
    }
    return new Recomputation(paymentId, policy.rule().policyCode() + " v" + policy.rule().policyVersion(),
        Money.of(p.getAmount(), p.getCurrency()).toString(), inputs.get("patentCostsOutstanding").asText(),
        inputs.get("netBefore").asText(), rate, lines, lines.stream().allMatch(ComparedLine::same));
  }

  private JsonNode read(String data) {
    try {
      return json.readTree(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The "amount CUR" text that the split recorded. */
  private static Money money(String text) {
    String[] parts = text.split(" ");
    return Money.of(parts[0], parts[1]);
  }

  @Transactional(readOnly = true)
  public List<Payment> payments(String dealId) {
    return payments.findByDealIdOrderByReceivedOnAscMilestoneAsc(dealId);
  }

  @Transactional(readOnly = true)
  public List<LedgerLine> lines(String paymentId) {
    return ledger.findByPaymentIdOrderByLineNoAsc(paymentId);
  }
}
