package io.ttdesk.deal.web;

import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Disclosure;
import io.ttdesk.deal.Stage;
import io.ttdesk.security.DeskUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deals")
class DealController {

  private final DealService deals;

  DealController(DealService deals) {
    this.deals = deals;
  }

  record Created(String id, String reference, Stage stage) {}

  record Withdrawal(@NotBlank @Size(max = 2000) String reason) {}

  @PostMapping
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<Created> disclose(@Valid @RequestBody Disclosure disclosure, @AuthenticationPrincipal DeskUser user) {
    Deal deal = deals.disclose(disclosure, user);
    return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.getId()))
        .body(new Created(deal.getId(), deal.getReference(), deal.getStage()));
  }

  @GetMapping
  List<DealSummary> search(@RequestParam(required = false) Stage stage, @RequestParam(required = false) Deal.Status status,
      @RequestParam(required = false) String centre, @AuthenticationPrincipal DeskUser user) {
    return deals.search(user, stage, status, centre).stream().map(DealSummary::of).toList();
  }

  @PostMapping("/{id}/withdrawal")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  ResponseEntity<DealSummary> withdraw(@PathVariable String id, @Valid @RequestBody Withdrawal body,
      @AuthenticationPrincipal DeskUser user) {
    return ResponseEntity.accepted().body(DealSummary.of(deals.withdraw(id, body.reason(), user)));
  }
}
