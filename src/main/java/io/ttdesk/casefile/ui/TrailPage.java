package io.ttdesk.casefile.ui;

import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.history.History;
import io.ttdesk.security.DeskUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The auditor's view of a deal's trail: every event with its evidence and links, and whether the chain holds. */
@Controller
@PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
class TrailPage {

  private final DealService deals;
  private final History history;

  TrailPage(DealService deals, History history) {
    this.deals = deals;
    this.history = history;
  }

  @GetMapping("/desk/deals/{id}/trail")
  String trail(@PathVariable String id, @AuthenticationPrincipal DeskUser user, Model model) {
    Deal deal = deals.visible(id, user);
    model.addAttribute("deal", deal);
    model.addAttribute("events", history.of(id));
    model.addAttribute("check", history.verify(id));
    return "deals/trail";
  }
}
