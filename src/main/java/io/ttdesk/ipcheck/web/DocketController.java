package io.ttdesk.ipcheck.web;

import io.ttdesk.deal.DealService;
import io.ttdesk.ipcheck.DocketItem;
import io.ttdesk.ipcheck.DocketService;
import io.ttdesk.security.DeskUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DocketController {

  private final DocketService docket;
  private final DealService deals;

  DocketController(DocketService docket, DealService deals) {
    this.docket = docket;
    this.deals = deals;
  }

  record Action(@NotBlank @Size(max = 64) String item, @NotNull DocketItem.Action action,
      @Size(max = 200) String reference, @Size(max = 2000) String note) {}

  /** The filing deadlines and fees of the deal's patent family, earliest first, with what was done about each. */
  @GetMapping("/api/v1/deals/{id}/docket")
  List<DocketService.Line> docket(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    return docket.docket(deals.visible(id, user));
  }

  /** Records that a date was met (with its filing or payment reference) or abandoned (with why). */
  @PostMapping("/api/v1/deals/{id}/docket")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  List<DocketService.Line> act(@PathVariable String id, @Valid @RequestBody Action body,
      @AuthenticationPrincipal DeskUser user) {
    docket.record(id, body.item(), body.action(), body.reference(), body.note(), user);
    return docket.docket(deals.visible(id, user));
  }
}
