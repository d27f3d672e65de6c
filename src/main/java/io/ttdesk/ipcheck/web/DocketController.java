package io.ttdesk.ipcheck.web;

import io.ttdesk.deal.DealService;
import io.ttdesk.ipcheck.FilingDocket;
import io.ttdesk.ipcheck.IpCheckService;
import io.ttdesk.security.DeskUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DocketController {

  private final IpCheckService checks;
  private final DealService deals;

  DocketController(IpCheckService checks, DealService deals) {
    this.checks = checks;
    this.deals = deals;
  }

  /** The filing deadlines and fees of the deal's patent family, earliest first, with the overdue ones marked. */
  @GetMapping("/api/v1/deals/{id}/docket")
  List<FilingDocket.Entry> docket(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    return checks.docket(deals.visible(id, user));
  }
}
