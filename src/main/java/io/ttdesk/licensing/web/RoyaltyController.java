package io.ttdesk.licensing.web;

import io.ttdesk.common.Money;
import io.ttdesk.deal.DealService;
import io.ttdesk.licensing.RoyaltyReport;
import io.ttdesk.licensing.RoyaltyService;
import io.ttdesk.security.DeskUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The licensee's royalty reports, entered by the deal's broker or manager as they arrive. */
@RestController
@RequestMapping("/api/v1/deals/{id}/royalty-reports")
class RoyaltyController {

  private final RoyaltyService royalties;
  private final DealService deals;

  RoyaltyController(RoyaltyService royalties, DealService deals) {
    this.royalties = royalties;
    this.deals = deals;
  }

  record ReportRequest(@NotBlank @Size(max = 32) String period,
      @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal netSales,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
      @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal sublicenceIncome,
      @NotNull LocalDate reportedOn,
      @Size(max = 200) String reference) {}

  /** A period of the licence term: awaited, overdue, or reported with the royalty it made due. */
  record PeriodView(String period, LocalDate startsOn, LocalDate endsOn, LocalDate reportDueOn, int contractYear,
      String status, ReportView report) {}

  record ReportView(String period, String currency, BigDecimal netSales, BigDecimal royaltyRate, BigDecimal royalty,
      BigDecimal sublicenceIncome, BigDecimal sublicenceShare, BigDecimal sublicenceRoyalty, BigDecimal minimumForYear,
      BigDecimal earnedInYear, BigDecimal topUp, BigDecimal due, int termSheetVersion, LocalDate reportedOn,
      String reference, String recordedBy) {}

  @PostMapping
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<ReportView> report(@PathVariable String id, @Valid @RequestBody ReportRequest body,
      @AuthenticationPrincipal DeskUser user) {
    Money netSales = Money.ofInput("netSales", body.netSales(), body.currency());
    Money sublicence = Money.ofInput("sublicenceIncome",
        body.sublicenceIncome() == null ? BigDecimal.ZERO : body.sublicenceIncome(), body.currency());
    RoyaltyReport r = royalties.report(id, new RoyaltyService.Report(body.period(), netSales, sublicence,
        body.reportedOn(), body.reference()), user);
    return ResponseEntity.created(URI.create("/api/v1/deals/" + id + "/royalty-reports")).body(view(r));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
  List<PeriodView> periods(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    deals.visible(id, user);
    return royalties.periods(id).stream().map(s -> new PeriodView(s.period().getCode(), s.period().getStartsOn(),
        s.period().getEndsOn(), s.period().getReportDueOn(), s.period().getContractYear(),
        s.report() != null ? "REPORTED" : s.overdue() ? "OVERDUE" : "AWAITED",
        s.report() == null ? null : view(s.report()))).toList();
  }

  private static ReportView view(RoyaltyReport r) {
    return new ReportView(r.getPeriodCode(), r.getCurrency(), money(r.getNetSales(), r), r.getRoyaltyRate().stripTrailingZeros(),
        money(r.getRoyalty(), r), money(r.getSublicenceIncome(), r), r.getSublicenceShare().stripTrailingZeros(),
        money(r.getSublicenceRoyalty(), r), money(r.getMinimumForYear(), r), money(r.getEarnedInYear(), r),
        money(r.getTopUp(), r), money(r.getDue(), r), r.getTermSheetVersion(), r.getReportedOn(), r.getReference(),
        r.getRecordedBy());
  }

  /** Stored at four decimals; shown at the currency's minor unit. */
  private static BigDecimal money(BigDecimal amount, RoyaltyReport r) {
    return amount == null ? null : Money.of(amount, r.getCurrency()).amount();
  }
}
