package io.ttdesk.revenue.web;

import io.ttdesk.common.Money;
import io.ttdesk.deal.DealService;
import io.ttdesk.revenue.LedgerLine;
import io.ttdesk.revenue.Payment;
import io.ttdesk.revenue.RevenueService;
import io.ttdesk.security.DeskUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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

@RestController
@RequestMapping("/api/v1/deals/{id}")
class RevenueController {

  private final RevenueService revenue;
  private final DealService deals;

  RevenueController(RevenueService revenue, DealService deals) {
    this.revenue = revenue;
    this.deals = deals;
  }

  record PaymentRequest(@NotBlank String milestone,
      @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
      @NotNull LocalDate receivedOn) {}

  record LedgerEntry(int lineNo, String kind, String beneficiary, BigDecimal amount, String currency, String basis) {}

  /** A payment, what it is worth in the centre's currency (with the stored rate used), and its split. */
  record PaymentSplit(String paymentId, String milestone, BigDecimal amount, String currency, LocalDate receivedOn,
      Reported reported, String policy, BigDecimal distributed, List<LedgerEntry> lines) {}

  record Reported(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate, String source) {}

  @PostMapping("/payments")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<PaymentSplit> receive(@PathVariable String id, @Valid @RequestBody PaymentRequest body,
      @AuthenticationPrincipal DeskUser user) {
    Money amount = Money.ofInput("amount", body.amount(), body.currency());
    Payment p = revenue.receive(id, body.milestone(), amount, body.receivedOn(), user);
    return ResponseEntity.created(URI.create("/api/v1/deals/" + id + "/ledger")).body(view(p));
  }

  /** Each payment with its split; lines appear once the split worker has run. */
  @GetMapping("/ledger")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
  List<PaymentSplit> ledger(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    deals.visible(id, user);
    return revenue.payments(id).stream().map(this::view).toList();
  }

  private PaymentSplit view(Payment p) {
    List<LedgerLine> lines = revenue.lines(p.getId());
    Reported reported = p.getReportingCurrency() == null ? null : new Reported(
        money(p.getReportingAmount(), p.getReportingCurrency()), p.getReportingCurrency(), p.getRate().stripTrailingZeros(),
        p.getRateDate(), p.getRateSource());
    return new PaymentSplit(p.getId(), p.getMilestone(), money(p.getAmount(), p.getCurrency()), p.getCurrency(),
        p.getReceivedOn(), reported,
        lines.isEmpty() ? null : lines.getFirst().getPolicyCode() + " v" + lines.getFirst().getPolicyVersion(),
        money(lines.stream().map(LedgerLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add), p.getCurrency()),
        lines.stream().map(l -> new LedgerEntry(l.getLineNo(), l.getKind().name(), l.getBeneficiary(),
            money(l.getAmount(), l.getCurrency()), l.getCurrency(), l.getBasis())).toList());
  }

  /** The payment's split computed again from what was recorded, next to what was paid out. */
  @GetMapping("/payments/{paymentId}/recomputation")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
  RevenueService.Recomputation recompute(@PathVariable String id, @PathVariable String paymentId,
      @AuthenticationPrincipal DeskUser user) {
    return revenue.recompute(deals.visible(id, user), paymentId);
  }

  /** Stored at four decimals; shown at the currency's minor unit. */
  private static BigDecimal money(BigDecimal amount, String currency) {
    return Money.of(amount, currency).amount();
  }
}
