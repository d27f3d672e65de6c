package io.ttdesk.licensing.web;

import io.ttdesk.deal.DealService;
import io.ttdesk.licensing.CounterpartyResponse;
import io.ttdesk.licensing.LicensingService;
import io.ttdesk.security.DeskUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the counterparty does, recorded by the deal's broker or manager. */
@RestController
@RequestMapping("/api/v1/deals/{id}")
@PreAuthorize("hasAnyRole('BROKER','MANAGER')")
class LicensingController {

  private final LicensingService licensing;
  private final DealService deals;

  LicensingController(LicensingService licensing, DealService deals) {
    this.licensing = licensing;
    this.deals = deals;
  }

  record Answer(@NotNull CounterpartyResponse.Answer response, @Size(max = 2000) String comment) {}

  record Signature(@NotNull LocalDate signedOn, @NotBlank @Size(max = 200) String signedBy) {}

  @GetMapping("/term-sheets")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
  List<LicensingService.Version> termSheets(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    deals.visible(id, user);
    return licensing.versions(id);
  }

  @PostMapping("/counterparty-responses")
  ResponseEntity<Map<String, Object>> respond(@PathVariable String id, @Valid @RequestBody Answer body,
      @AuthenticationPrincipal DeskUser user) {
    CounterpartyResponse r = licensing.respond(id, body.response(), body.comment(), user);
    return ResponseEntity.accepted().body(Map.of("response", r.getResponse(), "round", r.getRoundNo()));
  }

  @PostMapping("/signature")
  ResponseEntity<Map<String, Object>> sign(@PathVariable String id, @Valid @RequestBody Signature body,
      @AuthenticationPrincipal DeskUser user) {
    licensing.sign(id, body.signedOn(), body.signedBy(), user);
    return ResponseEntity.accepted().body(Map.of("signedOn", body.signedOn(), "signedBy", body.signedBy()));
  }
}
