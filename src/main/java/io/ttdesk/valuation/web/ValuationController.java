package io.ttdesk.valuation.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.deal.DealService;
import io.ttdesk.security.DeskUser;
import io.ttdesk.valuation.Methods;
import io.ttdesk.valuation.Rating;
import io.ttdesk.valuation.TechnologyRating;
import io.ttdesk.valuation.Valuation;
import io.ttdesk.valuation.ValuationChoice;
import io.ttdesk.valuation.ValuationService;
import io.ttdesk.valuation.ValuationView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
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

/** The valuation workbench of a deal: run methods, see them side by side, choose one, rate the technology. */
@RestController
@RequestMapping("/api/v1/deals/{id}")
class ValuationController {

  private final ValuationService valuations;
  private final DealService deals;
  private final ObjectMapper json;

  ValuationController(ValuationService valuations, DealService deals, ObjectMapper json) {
    this.valuations = valuations;
    this.deals = deals;
    this.json = json;
  }

  record ReliefFromRoyalty(
      @NotEmpty @Size(max = 30) List<@NotNull @PositiveOrZero @Digits(integer = 13, fraction = 4) BigDecimal> projectedRevenue,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal royaltyRate,
      @NotNull @DecimalMin("0") @DecimalMax(value = "100", inclusive = false) BigDecimal taxRate,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal discountRate,
      @Min(1) @Max(30) Integer usefulLifeYears) {}

  record CashFlow(@NotNull @Min(1) @Max(50) Integer year, @NotNull @Digits(integer = 13, fraction = 4) BigDecimal cashFlow,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal probability) {}

  record RiskAdjustedNpv(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal discountRate,
      @NotEmpty @Size(max = 50) List<@Valid @NotNull CashFlow> cashFlows) {}

  record TwentyFivePercent(
      @NotEmpty @Size(max = 30) List<@NotNull @Digits(integer = 13, fraction = 4) BigDecimal> operatingProfit,
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal sharePercent,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal discountRate) {}

  record ComparableDeal(@NotBlank @Size(max = 200) String name,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal royaltyRate) {}

  record Comparables(@NotNull @Size(min = 2, max = 50) List<@Valid @NotNull ComparableDeal> comparables) {}

  record ChoiceReason(@NotBlank @Size(max = 2000) String reason) {}

  record RatingRequest(@NotNull TechnologyRating.Score management, @NotNull TechnologyRating.Score technology,
      @NotNull TechnologyRating.Score marketability, @NotNull TechnologyRating.Score businessProspects,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal riskFactor) {}

  @GetMapping("/valuations")
  List<ValuationView> all(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    deals.visible(id, user);
    Long chosen = valuations.choice(id).map(ValuationChoice::getValuationId).orElse(null);
    return valuations.of(id).stream().map(v -> ValuationView.of(v, chosen, json)).toList();
  }

  /** Relief from royalty on the deal's own inputs with royalty rate +/- 1 point and discount rate +/- 2 points. */
  @GetMapping("/valuations/sensitivity")
  List<Methods.Sensitivity> sensitivity(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    return valuations.sensitivity(deals.visible(id, user));
  }

  @PostMapping("/valuations/relief-from-royalty")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<ValuationView> reliefFromRoyalty(@PathVariable String id, @Valid @RequestBody ReliefFromRoyalty r,
      @AuthenticationPrincipal DeskUser user) {
    return created(id, valuations.runReliefFromRoyalty(id, r.projectedRevenue(), r.royaltyRate(), r.taxRate(),
        r.discountRate(), r.usefulLifeYears(), user));
  }

  @PostMapping("/valuations/risk-adjusted-npv")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<ValuationView> riskAdjustedNpv(@PathVariable String id, @Valid @RequestBody RiskAdjustedNpv r,
      @AuthenticationPrincipal DeskUser user) {
    return created(id, valuations.runRiskAdjustedNpv(id, r.discountRate(), r.cashFlows().stream()
        .map(c -> new Methods.StageCashFlow(c.year(), c.cashFlow(), c.probability())).toList(), user));
  }

  @PostMapping("/valuations/twenty-five-percent")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<ValuationView> twentyFivePercent(@PathVariable String id, @Valid @RequestBody TwentyFivePercent r,
      @AuthenticationPrincipal DeskUser user) {
    return created(id, valuations.runProfitShare(id, r.operatingProfit(),
        r.sharePercent() == null ? BigDecimal.valueOf(25) : r.sharePercent(), r.discountRate(), user));
  }

  @PostMapping("/valuations/comparables")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<ValuationView> comparables(@PathVariable String id, @Valid @RequestBody Comparables r,
      @AuthenticationPrincipal DeskUser user) {
    return created(id, valuations.runComparables(id, r.comparables().stream()
        .map(c -> new Methods.Comparable(c.name(), c.royaltyRate())).toList(), user));
  }

  @PostMapping("/valuations/{valuationId}/choice")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ValuationChoice choose(@PathVariable String id, @PathVariable long valuationId, @Valid @RequestBody ChoiceReason c,
      @AuthenticationPrincipal DeskUser user) {
    return valuations.choose(id, valuationId, c.reason(), user);
  }

  @GetMapping("/rating")
  ResponseEntity<Rating> rating(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    deals.visible(id, user);
    return ResponseEntity.of(valuations.rating(id));
  }

  @PostMapping("/rating")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<Rating> rate(@PathVariable String id, @Valid @RequestBody RatingRequest r,
      @AuthenticationPrincipal DeskUser user) {
    Rating saved = valuations.rate(id, r.management(), r.technology(), r.marketability(), r.businessProspects(),
        r.riskFactor(), user);
    return ResponseEntity.created(URI.create("/api/v1/deals/" + id + "/rating")).body(saved);
  }

  private ResponseEntity<ValuationView> created(String id, Valuation v) {
    return ResponseEntity.created(URI.create("/api/v1/deals/" + id + "/valuations"))
        .body(ValuationView.of(v, null, json));
  }
}
