package io.ttdesk.licensing;

import io.ttdesk.common.ConflictException;
import io.ttdesk.common.Dates;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.Money;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.History;
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
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licensee's periodic reports: each computes the royalty due on the period's net sales,
 * settles the minimum annual royalty at a contract year's end, and makes the amount due a
 * scheduled payment that the process then awaits like any other.
 */
@Service
public class RoyaltyService {

  private final RoyaltyPeriodRepository periods;
  private final RoyaltyReportRepository reports;
  private final ScheduledPaymentRepository schedule;
  private final LicensingService licensing;
  private final DealService deals;
  private final TaskService tasks;
  private final History history;
  private final Engine engine;
  private final Clock clock;

  RoyaltyService(RoyaltyPeriodRepository periods, RoyaltyReportRepository reports, ScheduledPaymentRepository schedule,
      LicensingService licensing, DealService deals, TaskService tasks, History history, Engine engine,
      Clock clock) {
    this.periods = periods;
    this.reports = reports;
    this.schedule = schedule;
    this.licensing = licensing;
    this.deals = deals;
    this.tasks = tasks;
    this.history = history;
    this.engine = engine;
    this.clock = clock;
  }

  /** What the licensee reported for one period, in the contract currency. */
  public record Report(String period, Money netSales, Money sublicenceIncome, LocalDate reportedOn, String reference) {}

  /** A period, its report once one arrived, and whether the report is overdue (the due day ended everywhere). */
  public record PeriodStatus(RoyaltyPeriod period, RoyaltyReport report, boolean overdue) {}

  @Transactional
  public RoyaltyReport report(String dealId, Report in, DeskUser user) {
    deals.lockForCommand(dealId, user, Stage.EXECUTION, "a royalty report");
    TermSheet sheet = licensing.current(dealId).orElseThrow();
    List<RoyaltyPeriod> all = periods.findByDealIdOrderByStartsOnAsc(dealId);
    if (all.isEmpty()) {
      throw new ConflictException("period", sheet.bearsRoyalty()
          ? "the contract's reporting periods are still being set up; try again shortly"
          : "the licence bears no running or minimum royalty, so there is nothing to report");
    }
    RoyaltyPeriod period = all.stream().filter(p -> p.getCode().equals(in.period())).findFirst()
        .orElseThrow(() -> new InvalidInputException("period", "is not a reporting period of this licence ("
            + all.getFirst().getCode() + " to " + all.getLast().getCode() + ")"));
    Map<String, RoyaltyReport> reported = reports.findByDealIdOrderByIdAsc(dealId).stream()
        .collect(Collectors.toMap(RoyaltyReport::getPeriodCode, Function.identity()));
    if (reported.containsKey(period.getCode())) {
      throw new ConflictException("period", period.getCode() + " has already been reported");
    }
    // In order, so a year's last report sees every earlier royalty of that year.
    Optional<RoyaltyPeriod> gap = all.stream()
        .filter(p -> p.getStartsOn().isBefore(period.getStartsOn()) && !reported.containsKey(p.getCode())).findFirst();
    if (gap.isPresent()) {
      throw new ConflictException("period", "report " + gap.get().getCode() + " first: periods are reported in order");
    }
    if (!sheet.getCurrency().equals(in.netSales().currency().getCurrencyCode())) {
      throw new InvalidInputException("currency", "must be " + sheet.getCurrency() + ", the contract currency");
    }
    if (in.reportedOn().isAfter(Dates.latestToday(clock))) {
      throw new InvalidInputException("reportedOn", "must not be in the future");
    }
    if (!in.reportedOn().isAfter(period.getEndsOn())) {
      throw new InvalidInputException("reportedOn", "must be after the period ends on " + period.getEndsOn());
    }
    Money zero = Money.zero(in.netSales().currency());
    Money earlierInYear = all.stream()
        .filter(p -> p.getContractYear() == period.getContractYear() && reported.containsKey(p.getCode()))
        .map(p -> reported.get(p.getCode()))
        .map(r -> Money.of(r.getRoyalty().add(r.getSublicenceRoyalty()), r.getCurrency()))
        .reduce(zero, Money::plus);
    Money minimum = period.isLastOfYear() && sheet.getMinimumAnnualRoyalty() != null
        && sheet.getMinimumAnnualRoyalty().signum() > 0
        ? Royalties.minimumForYear(Money.of(sheet.getMinimumAnnualRoyalty(), sheet.getCurrency()),
            sheet.getMarEscalation() == null ? BigDecimal.ZERO : sheet.getMarEscalation(), period.getContractYear())
        : null;
    Royalties.Assessment a = Royalties.assess(in.netSales(), sheet.getRoyaltyRate(), in.sublicenceIncome(),
        sublicenceShare(sheet), earlierInYear, minimum);
    for (Money m : new Money[] {a.due(), minimum}) {
      if (m != null && m.amount().precision() - m.amount().scale() > 15) {
        throw new InvalidInputException("netSales", "makes an amount due larger than the ledger holds (15 digits)");
      }
    }
    RoyaltyReport saved = reports.saveAndFlush(new RoyaltyReport(dealId, period.getCode(), sheet, in, a,
        user.getUsername(), clock.instant()));
    if (a.due().isPositive()) {
      schedule.save(new ScheduledPayment(dealId, period.getCode(), "Royalty " + period.getCode() + " ("
          + period.getStartsOn() + " to " + period.getEndsOn() + ")", a.due().amount(), sheet.getCurrency(),
          period.getReportDueOn()));
    }
    tasks.withdrawForSubject(dealId, period.getCode(), "report received");
    history.record(dealId, user.actor(), "ROYALTY_REPORTED", "Royalty report " + period.getCode() + ": "
        + a.due() + " due", evidence(saved, period));
    // The message only says that a report arrived; the process reads what it made due from the store.
    engine.publish(Messages.ROYALTY_REPORT, Messages.periodKey(dealId, period.getCode()),
        Messages.reportId(dealId, period.getCode()), Map.of());
    return saved;
  }

  /** Whether the period's report has arrived. */
  @Transactional(readOnly = true)
  public boolean reported(String dealId, String period) {
    return reports.existsByDealIdAndPeriodCode(dealId, period);
  }

  /**
   * The payment a period's report made due, for the process to await: {id, dueAt}, or empty when
   * nothing is due. A report not (yet) stored is a technical failure the engine retries.
   */
  @Transactional
  public Optional<Map<String, Object>> dueFor(String dealId, String period) {
    deals.lock(dealId);
    RoyaltyReport report = reports.findByDealIdOrderByIdAsc(dealId).stream()
        .filter(r -> r.getPeriodCode().equals(period)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no royalty report for " + dealId + " " + period));
    if (report.getDue().signum() <= 0) {
      return Optional.empty();
    }
    ScheduledPayment due = schedule.findByDealIdAndCode(dealId, period).orElseThrow();
    return Optional.of(LicensingService.expected(due.getCode(), due.getDueDate()));
  }

  @Transactional(readOnly = true)
  public List<PeriodStatus> periods(String dealId) {
    Map<String, RoyaltyReport> reported = reports.findByDealIdOrderByIdAsc(dealId).stream()
        .collect(Collectors.toMap(RoyaltyReport::getPeriodCode, Function.identity()));
    LocalDate today = Dates.earliestToday(clock);
    return periods.findByDealIdOrderByStartsOnAsc(dealId).stream().map(p -> new PeriodStatus(p, reported.get(p.getCode()),
        !reported.containsKey(p.getCode()) && p.getReportDueOn().isBefore(today))).toList();
  }

  static BigDecimal sublicenceShare(TermSheet sheet) {
    return sheet.getSublicenceShare() == null ? BigDecimal.ZERO : sheet.getSublicenceShare();
  }

  private static Map<String, Object> evidence(RoyaltyReport r, RoyaltyPeriod p) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("period", p.getCode());
    data.put("from", p.getStartsOn());
    data.put("to", p.getEndsOn());
    data.put("contractYear", p.getContractYear());
    data.put("termSheetVersion", r.getTermSheetVersion());
    data.put("currency", r.getCurrency());
    data.put("netSales", r.getNetSales());
    data.put("royaltyRate", r.getRoyaltyRate());
    data.put("royalty", r.getRoyalty());
    data.put("sublicenceIncome", r.getSublicenceIncome());
    data.put("sublicenceShare", r.getSublicenceShare());
    data.put("sublicenceRoyalty", r.getSublicenceRoyalty());
    if (r.getMinimumForYear() != null) {
      data.put("minimumForYear", r.getMinimumForYear());
      data.put("earnedInYear", r.getEarnedInYear());
      data.put("topUp", r.getTopUp());
    }
    data.put("due", r.getDue());
    data.put("reportedOn", r.getReportedOn());
    data.put("reference", r.getReference());
    return data;
  }
}
