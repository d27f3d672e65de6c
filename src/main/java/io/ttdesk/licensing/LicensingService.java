package io.ttdesk.licensing;

import io.ttdesk.common.ConflictException;
import io.ttdesk.common.Dates;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.Actor;
import io.ttdesk.ipcheck.IpCheckService;
import io.ttdesk.history.History;
import io.ttdesk.process.DealProcess.Messages;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.Engine;
import io.ttdesk.security.DeskUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class LicensingService {

  static final String UPFRONT = "UPFRONT";

  private final TermSheetRepository termSheets;
  private final CounterpartyResponseRepository responses;
  private final ScheduledPaymentRepository schedule;
  private final DealService deals;
  private final IpCheckService ipChecks;
  private final History history;
  private final Engine engine;
  private final Clock clock;
  private final int upfrontDueDays;
  private final int reportDueDays;
  private final RoyaltyPeriodRepository periods;

  LicensingService(TermSheetRepository termSheets, CounterpartyResponseRepository responses,
      ScheduledPaymentRepository schedule, RoyaltyPeriodRepository periods, DealService deals, IpCheckService ipChecks, History history, Engine engine,
      Clock clock,
      @Value("${ttdesk.contract.upfront-due-days:30}") int upfrontDueDays,
      @Value("${ttdesk.contract.report-due-days:45}") int reportDueDays) {
    this.termSheets = termSheets;
    this.responses = responses;
    this.schedule = schedule;
    this.deals = deals;
    this.ipChecks = ipChecks;
    this.history = history;
    this.engine = engine;
    this.clock = clock;
    this.upfrontDueDays = upfrontDueDays;
    this.reportDueDays = reportDueDays;
    this.periods = periods;
  }

  public record Terms(DealForm dealForm, String currency, BigDecimal upfrontFee, BigDecimal royaltyRate,
      BigDecimal minimumAnnualRoyalty, BigDecimal marEscalation, String fieldOfUse, String territory,
      BigDecimal sublicenceShare, BigDecimal patentCostReimbursement, BigDecimal equityPercent,
      TermSheet.ReportingPeriod reportingPeriod, Integer termYears, List<TermSheet.Milestone> milestones) {}

  /** Stores the next version of the deal's term sheet. */
  @Transactional
  public TermSheet propose(String dealId, Terms t, DeskUser user) {
    List<FieldProblem> problems = new ArrayList<>();
    // One currency per deal: patent costs, valuation and payments are then comparable without rates.
    String dealCurrency = deals.lock(dealId).getCurrency();
    if (!dealCurrency.equals(t.currency())) {
      throw new InvalidInputException("currency", "must be " + dealCurrency + ", the deal's currency");
    }
    boolean licence = t.dealForm() == DealForm.EXCLUSIVE_LICENCE || t.dealForm() == DealForm.NON_EXCLUSIVE_LICENCE;
    if (licence && (t.fieldOfUse() == null || t.fieldOfUse().isBlank())) {
      problems.add(new FieldProblem("fieldOfUse", "is required for a licence"));
    }
    if (licence && (t.territory() == null || t.territory().isBlank())) {
      problems.add(new FieldProblem("territory", "is required for a licence"));
    }
    if (t.dealForm() == DealForm.EQUITY && (t.equityPercent() == null || t.equityPercent().signum() <= 0)) {
      problems.add(new FieldProblem("equityPercent", "is required for equity in exchange for technology"));
    }
    boolean royalty = t.royaltyRate().signum() > 0 || t.minimumAnnualRoyalty().signum() > 0;
    if (royalty && t.termYears() == null) {
      problems.add(new FieldProblem("termYears", "is required when the licence bears a running or minimum royalty"));
    }
    LocalDate today = Dates.earliestToday(clock);
    for (int i = 0; i < t.milestones().size(); i++) {
      if (t.milestones().get(i).dueDate().isBefore(today)) {
        problems.add(new FieldProblem("milestones[" + i + "].dueDate", "must not be in the past"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    int version = termSheets.findFirstByDealIdOrderByVersionDesc(dealId).map(s -> s.getVersion() + 1).orElse(1);
    TermSheet sheet = termSheets.save(new TermSheet(dealId, version, t, user.getUsername(), clock.instant()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("version", version);
    data.put("terms", t);
    termSheets.findByDealIdAndVersion(dealId, version - 1).ifPresent(earlier -> data.put("changes",
        sheet.changesFrom(earlier)));
    history.record(dealId, user.actor(), "TERM_SHEET_PROPOSED", "Term sheet v" + version + " (" + t.dealForm() + ")", data);
    return sheet;
  }

  @Transactional
  public int sendOffer(String dealId, Actor actor) {
    TermSheet sheet = current(dealId).orElseThrow(() -> new IllegalStateException("no term sheet for " + dealId));
    deals.enter(dealId, Stage.NEGOTIATION, actor);
    history.record(dealId, actor, "OFFER_SENT", "Offer sent: term sheet v" + sheet.getVersion(),
        Map.of("termSheetVersion", sheet.getVersion()));
    return sheet.getVersion();
  }

  @Transactional
  public int sendReminder(String dealId, int remindersSoFar, Actor actor) {
    int n = remindersSoFar + 1;
    history.record(dealId, actor, "REMINDER_SENT", "Reminder " + n + " sent to the counterparty", Map.of("reminder", n));
    return n;
  }

  /** Records the counterparty's answer to the offer and passes it to the process. */
  @Transactional
  public CounterpartyResponse respond(String dealId, CounterpartyResponse.Answer answer, String comment, DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, Stage.NEGOTIATION, "a counterparty response");
    int offered = current(dealId).map(TermSheet::getVersion).orElseThrow();
    if (responses.existsByDealIdAndTermSheetVersion(dealId, offered)) {
      throw new ConflictException("response", "term sheet v" + offered + " has already been answered");
    }
    int round = (int) responses.countByDealIdAndResponse(dealId, CounterpartyResponse.Answer.COUNTER_OFFER)
        + (answer == CounterpartyResponse.Answer.COUNTER_OFFER ? 1 : 0);
    CounterpartyResponse saved = responses.save(new CounterpartyResponse(dealId, offered, round, answer, comment,
        user.getUsername(), clock.instant()));
    Stage next = switch (answer) {
      case ACCEPT -> ipChecks.exportRestricted(dealId) ? Stage.EXPORT_LICENCE : Stage.SIGNATURE;
      case COUNTER_OFFER -> Stage.LICENSING;
      case DECLINE -> Stage.NEGOTIATION;
    };
    deals.enter(dealId, next, user.actor());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("response", answer);
    data.put("round", round);
    data.put("comment", comment);
    data.put("termSheetVersion", offered);
    history.record(dealId, user.actor(), "COUNTERPARTY_RESPONDED", "Counterparty: " + answer, data);
    engine.publish(Messages.COUNTERPARTY_RESPONSE, deal.getId(), "response:" + dealId + ":" + saved.getId(),
        Map.of(Vars.COUNTERPARTY_RESPONSE, answer.name(), Vars.NEGOTIATION_ROUND, round));
    return saved;
  }

  @Transactional
  public void sign(String dealId, LocalDate signedOn, String signedBy, DeskUser user) {
    deals.lockForCommand(dealId, user, Stage.SIGNATURE, "a signature");
    if (signedOn.isAfter(Dates.latestToday(clock))) {
      throw new InvalidInputException("signedOn", "must not be in the future");
    }
    deals.enter(dealId, Stage.EXECUTION, user.actor());
    history.record(dealId, user.actor(), "CONTRACT_SIGNED", "Contract signed by " + signedBy,
        Map.of("signedOn", signedOn, "signedBy", signedBy,
            "termSheetVersion", current(dealId).map(TermSheet::getVersion).orElse(0)));
    engine.publish(Messages.CONTRACT_SIGNED, dealId, "signature:" + dealId, Map.of("signedOn", signedOn.toString()));
  }

  /**
   * Turns the signed terms into the payment schedule: the upfront fee falls due a set number of
   * days after signature, milestones on their dates. Returns what the process iterates over.
   */
  @Transactional
  public Activation activateContract(String dealId, LocalDate signedOn, Actor actor) {
    TermSheet sheet = current(dealId).orElseThrow(() -> new IllegalStateException("no term sheet for " + dealId));
    deals.enter(dealId, Stage.EXECUTION, actor);
    if (!activated(dealId)) {
      if (sheet.getUpfrontFee().signum() > 0) {
        schedule.save(new ScheduledPayment(dealId, UPFRONT, "Upfront fee", sheet.getUpfrontFee(), sheet.getCurrency(),
            signedOn.plusDays(upfrontDueDays)));
      }
      List<TermSheet.Milestone> ms = sheet.getMilestones();
      for (int i = 0; i < ms.size(); i++) {
        schedule.save(new ScheduledPayment(dealId, "M" + (i + 1), ms.get(i).name(), ms.get(i).amount(),
            sheet.getCurrency(), ms.get(i).dueDate()));
      }
      if (sheet.bearsRoyalty() && sheet.getTermYears() != null) {
        Royalties.periods(signedOn, sheet.getReportingPeriod(), sheet.getTermYears(), reportDueDays)
            .forEach(p -> periods.save(new RoyaltyPeriod(dealId, p)));
      }
    }
    List<ScheduledPayment> due = schedule.findByDealIdOrderByDueDateAscCodeAsc(dealId);
    List<RoyaltyPeriod> reporting = periods.findByDealIdOrderByStartsOnAsc(dealId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("termSheetVersion", sheet.getVersion());
    data.put("payments", due.stream().map(p -> Map.of("code", p.getCode(), "amount", p.getAmount(),
        "currency", p.getCurrency(), "dueDate", p.getDueDate())).toList());
    if (!reporting.isEmpty()) {
      data.put("royaltyReports", Map.of("periods", reporting.size(), "every", sheet.getReportingPeriod(),
          "first", reporting.getFirst().getReportDueOn(), "last", reporting.getLast().getReportDueOn()));
    }
    history.record(dealId, actor, "CONTRACT_ACTIVATED", due.size() + " payments scheduled"
        + (reporting.isEmpty() ? "" : ", " + reporting.size() + " royalty reports due"), data);
    return new Activation(due.stream().map(p -> expected(p.getCode(), p.getDueDate())).toList(),
        reporting.stream().map(p -> Map.<String, Object>of("id", p.getCode(),
            "reportDueAt", endOfDay(p.getReportDueOn()))).toList());
  }

  /** What the process iterates over once the contract runs: payments, and reporting periods. */
  public record Activation(List<Map<String, Object>> milestones, List<Map<String, Object>> royaltyPeriods) {}

  /** A payment the process awaits: its code, and when it turns overdue. */
  static Map<String, Object> expected(String code, LocalDate dueDate) {
    return Map.of("id", code, "dueAt", endOfDay(dueDate));
  }

  /** A due day has ended everywhere at the start of the next day at UTC-12. */
  private static String endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(Dates.LAST_ZONE).toInstant().toString();
  }

  /** Whether the signed contract has been set up: its payments or reporting periods exist. */
  @Transactional(readOnly = true)
  public boolean activated(String dealId) {
    return schedule.existsByDealId(dealId) || periods.existsByDealId(dealId);
  }


  @Transactional(readOnly = true)
  public Optional<TermSheet> current(String dealId) {
    return termSheets.findFirstByDealIdOrderByVersionDesc(dealId);
  }

  @Transactional(readOnly = true)
  public List<TermSheet> termSheets(String dealId) {
    return termSheets.findByDealIdOrderByVersionAsc(dealId);
  }

  /** A term-sheet version and what changed from the version before it. */
  public record Version(TermSheet termSheet, List<TermSheet.Change> changes) {}

  /** Every version of the deal's term sheet, oldest first, each with its changes. */
  @Transactional(readOnly = true)
  public List<Version> versions(String dealId) {
    List<TermSheet> all = termSheets(dealId);
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      versions.add(new Version(all.get(i), i == 0 ? List.of() : all.get(i).changesFrom(all.get(i - 1))));
    }
    return versions;
  }

  @Transactional(readOnly = true)
  public List<CounterpartyResponse> responses(String dealId) {
    return responses.findByDealIdOrderByIdAsc(dealId);
  }

  @Transactional(readOnly = true)
  public List<ScheduledPayment> schedule(String dealId) {
    return schedule.findByDealIdOrderByDueDateAscCodeAsc(dealId);
  }

  @Transactional(readOnly = true)
  public Optional<ScheduledPayment> scheduled(String dealId, String code) {
    return schedule.findByDealIdAndCode(dealId, code);
  }
}
