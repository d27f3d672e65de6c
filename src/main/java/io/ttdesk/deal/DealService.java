package io.ttdesk.deal;

import io.ttdesk.common.ConflictException;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.ForbiddenException;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.Money;
import io.ttdesk.common.NotFoundException;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import io.ttdesk.process.DealProcess.Messages;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.Engine;
import io.ttdesk.security.DeskUser;
import io.ttdesk.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class DealService {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final DealRepository deals;
  private final DealCounterRepository counters;
  private final CentreRepository centres;
  private final History history;
  private final Engine engine;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<String, Object> negotiationSettings;

  DealService(DealRepository deals, DealCounterRepository counters, CentreRepository centres, History history,
      Engine engine, ApplicationEventPublisher events, Clock clock,
      @Value("${ttdesk.negotiation.reminder-interval:P7D}") String reminderInterval,
      @Value("${ttdesk.negotiation.max-reminders:2}") int maxReminders,
      @Value("${ttdesk.negotiation.max-rounds:3}") int maxRounds) {
    this.deals = deals;
    this.counters = counters;
    this.centres = centres;
    this.history = history;
    this.engine = engine;
    this.events = events;
    this.clock = clock;
    this.negotiationSettings = Map.of(Vars.REMINDER_INTERVAL, reminderInterval, Vars.MAX_REMINDERS, maxReminders,
        Vars.MAX_NEGOTIATION_ROUNDS, maxRounds, Vars.NEGOTIATION_ROUND, 0, Vars.REMINDER_COUNT, 0);
  }

  /** Stores the disclosure and starts its deal process, both or neither. */
  @Transactional
  public Deal disclose(Disclosure in, DeskUser user) {
    if (!(user.has(Role.BROKER) || user.has(Role.MANAGER))) {
      throw new ForbiddenException("Only brokers and managers submit disclosures.");
    }
    validate(in);
    if (!centres.existsById(in.centre()) || !user.sees(in.centre())) {
      throw new InvalidInputException("centre", "is not a centre you work for");
    }
    Instant now = clock.instant();
    Deal deal = Deal.disclose(nextReference(in.centre(), now), in.title(), in.abstractText(), in.centre(),
        new Deal.Parties(in.ownerInstitution(), in.ownerCountry(), in.targetCountry(),
            in.licensee() == null ? null : in.licensee().name(), in.licensee() == null ? null : in.licensee().country()),
        in.technologyReadinessLevel(), in.technologyField(), valuation(in.valuation()),
        Objects.requireNonNullElse(in.patentCosts(), BigDecimal.ZERO), in.priorityDate(),
        in.inventors().stream().map(i -> new Inventor(i.name(), i.email(), i.department(), i.share(),
            !Boolean.FALSE.equals(i.employedByOwner()))).toList(),
        in.priorDisclosures() == null ? List.of() : in.priorDisclosures().stream()
            .map(p -> new PriorDisclosure(p.date(), p.kind(), p.description())).toList(),
        new Deal.Rights(
            in.coOwners() == null ? List.of() : in.coOwners().stream()
                .map(c -> new CoOwner(c.name(), c.country(), c.share())).toList(),
            in.sponsors() == null ? List.of() : in.sponsors().stream().map(x -> new Sponsor(x.name(), x.rights())).toList(),
            in.filingCountries() == null ? List.of() : in.filingCountries().stream().distinct().toList()),
        user.getUsername(), now);
    deals.saveAndFlush(deal);
    deal.started(engine.startDeal(startVariables(deal)));
    history.record(deal.getId(), user.actor(), "DEAL_DISCLOSED", "Disclosure " + deal.getReference() + " submitted",
        Map.of("reference", deal.getReference(), "title", deal.getTitle(), "crossBorder", deal.isCrossBorder(),
            "inventors", deal.getInventors(), "processInstanceKey", deal.getProcessInstanceKey()));
    return deal;
  }

  /** The variables a deal's process starts with. */
  public Map<String, Object> startVariables(Deal deal) {
    Map<String, Object> variables = new LinkedHashMap<>(negotiationSettings);
    variables.put(Vars.DEAL_ID, deal.getId());
    variables.put(Vars.CENTRE, deal.getCentre());
    variables.put(Vars.CROSS_BORDER, deal.isCrossBorder());
    variables.put(Vars.TRL, deal.getTrl());
    variables.put(Vars.EXPORT_RESTRICTED, false);
    return variables;
  }

  /**
   * Records that the deal's process instance was recreated, after the engine lost the earlier
   * one, and where it stands again.
   */
  @Transactional
  public void restarted(String id, long processInstanceKey, List<String> elements, Actor actor) {
    Deal deal = deals.lockById(id).orElseThrow(() -> new IllegalStateException("no deal " + id));
    Long before = deal.getProcessInstanceKey();
    deal.started(processInstanceKey);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("processInstanceKey", processInstanceKey);
    data.put("previousProcessInstanceKey", before);
    data.put("elements", elements);
    history.record(id, actor, "PROCESS_RECREATED", "Process recreated at " + String.join(", ", elements), data);
  }

  private static Deal.Valuation valuation(Disclosure.RevenueProjection v) {
    return new Deal.Valuation(Currency.getInstance(v.currency()), v.projectedRevenue(), v.royaltyRate(), v.taxRate(),
        v.discountRate());
  }

  /** Rules across fields that annotations cannot state. */
  private static void validate(Disclosure in) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal total = in.inventors().stream().map(Disclosure.InventorShare::share).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.compareTo(HUNDRED) != 0) {
      problems.add(new FieldProblem("inventors", "shares must add up to 100, not " + total.stripTrailingZeros().toPlainString()));
    }
    if (in.coOwners() != null && in.coOwners().stream().map(Disclosure.CoOwnerShare::share)
        .reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(HUNDRED) >= 0) {
      problems.add(new FieldProblem("coOwners", "shares must leave the owner institution a share (below 100 together)"));
    }
    if (!Money.isCurrency(in.valuation().currency())) {
      problems.add(new FieldProblem("valuation.currency", "is not an ISO 4217 currency"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private String nextReference(String centre, Instant now) {
    String prefix = centre + "-" + Year.from(now.atZone(ZoneOffset.UTC));
    counters.ensure(prefix);
    DealCounter counter = counters.lock(prefix).orElseThrow();
    return "%s-%04d".formatted(prefix, counter.take());
  }

  @Transactional(readOnly = true)
  public List<Deal> search(DeskUser user, Stage stage, Deal.Status status, String centre) {
    List<String> scope = user.has(Role.ADMIN)
        ? centres.findAll().stream().map(Centre::getCode).toList()
        : List.copyOf(user.centres());
    if (centre != null) {
      scope = scope.contains(centre) ? List.of(centre) : List.of();
    }
    return scope.isEmpty() ? List.of() : deals.search(scope, stage, status);
  }

  /** The deal if the user may see it; otherwise 404, so that other centres' ids do not leak. */
  @Transactional(readOnly = true)
  public Deal visible(String id, DeskUser user) {
    return deals.findById(id).filter(d -> user.sees(d.getCentre())).orElseThrow(() -> new NotFoundException("deal", id));
  }

  /**
   * Locks an open deal that the user may act on (a broker or manager of its centre) and checks
   * its stage, for a command that must not race with another on the same deal.
   */
  @Transactional
  public Deal lockForCommand(String id, DeskUser user, Stage required, String command) {
    Deal deal = deals.lockById(id).filter(d -> user.sees(d.getCentre()))
        .orElseThrow(() -> new NotFoundException("deal", id));
    if (!(user.has(Role.BROKER) || user.has(Role.MANAGER)) || !user.centres().contains(deal.getCentre())) {
      throw new ForbiddenException("Only brokers and managers of the deal's centre may do this.");
    }
    if (!deal.isOpen()) {
      throw new ConflictException("stage", "the deal is closed (" + deal.getOutcome() + ")");
    }
    if (deal.isWithdrawalRequested()) {
      throw new ConflictException("stage", "the deal is being withdrawn");
    }
    if (required != null && deal.getStage() != required) {
      throw new ConflictException("stage", command + " needs the deal in stage " + required + ", it is in " + deal.getStage());
    }
    return deal;
  }

  /** Deals by id, for lists that show a few of each row's deal fields. */
  @Transactional(readOnly = true)
  public Map<String, Deal> byIds(java.util.Collection<String> ids) {
    return deals.findAllById(ids).stream().collect(java.util.stream.Collectors.toMap(Deal::getId, d -> d));
  }

  /** The ids of every open deal, for checks that sweep them one by one. */
  @Transactional(readOnly = true)
  public List<String> openDealIds() {
    return deals.findIdsByStatus(Deal.Status.OPEN);
  }

  @Transactional
  public Deal withdraw(String id, String reason, DeskUser user) {
    Deal deal = lockForCommand(id, user, null, "withdrawal");
    deal.requestWithdrawal(clock.instant());
    history.record(id, user.actor(), "WITHDRAWAL_REQUESTED", "Withdrawal requested", Map.of("reason", reason));
    engine.publish(Messages.WITHDRAWN, id, Messages.withdrawalId(id), Map.of());
    return deal;
  }

  /**
   * Locks a deal before anything of it is read or written: workers and task completions on one
   * deal take turns (always the deal row first, then its tasks), and a worker that reads what a
   * command wrote waits until that command has committed, then (read committed) sees its rows.
   * A missing deal is a technical failure the engine retries.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Deal lock(String id) {
    return deals.lockById(id).orElseThrow(() -> new IllegalStateException("no deal " + id));
  }

  @Transactional
  public void enter(String id, Stage stage, Actor actor) {
    Deal deal = deals.lockById(id).orElseThrow(() -> new IllegalStateException("no deal " + id));
    Stage before = deal.getStage();
    deal.enter(stage, clock.instant());
    if (before != deal.getStage()) {
      history.record(id, actor, "STAGE_ENTERED", "Stage " + stage, Map.of("from", before, "to", stage));
    }
  }

  @Transactional
  public void close(String id, Outcome outcome, Actor actor) {
    Deal deal = deals.lockById(id).orElseThrow(() -> new IllegalStateException("no deal " + id));
    if (!deal.isOpen()) {
      return;
    }
    Stage last = deal.getStage();
    deal.close(outcome, clock.instant());
    history.record(id, actor, "DEAL_CLOSED", "Deal closed: " + outcome, Map.of("outcome", outcome, "lastStage", last));
    events.publishEvent(new DealClosed(id, outcome));
  }

  @Transactional
  public void reviseValuation(String id, Deal.Valuation inputs) {
    deals.lockById(id).orElseThrow(() -> new NotFoundException("deal", id)).reviseValuation(inputs, clock.instant());
  }
}
