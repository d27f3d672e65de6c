package io.ttdesk.casefile.web;

import io.ttdesk.deal.DealService;
import io.ttdesk.history.History;
import io.ttdesk.security.DeskUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Recomputes a deal's hash chain: whoever may read the deal may check that its trail is whole. */
@RestController
class TrailController {

  private final History history;
  private final DealService deals;

  TrailController(History history, DealService deals) {
    this.history = history;
    this.deals = deals;
  }

  @GetMapping("/api/v1/deals/{id}/trail/verification")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
  History.Verification verify(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    return history.verify(deals.visible(id, user).getId());
  }
}
