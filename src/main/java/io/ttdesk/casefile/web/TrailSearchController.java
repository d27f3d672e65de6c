package io.ttdesk.casefile.web;

import io.ttdesk.casefile.TrailSearch;
import io.ttdesk.security.DeskUser;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trail search over the API; a page of at most {@link TrailSearch#PAGE_SIZE} events, newest first. */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR','MANAGER','ADMIN')")
class TrailSearchController {

  private final TrailSearch trails;

  TrailSearchController(TrailSearch trails) {
    this.trails = trails;
  }

  @GetMapping("/api/v1/trail/search")
  List<TrailSearch.Found> search(@RequestParam(required = false) String actor,
      @RequestParam(required = false) String type, @RequestParam(required = false) String text,
      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
      @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal DeskUser user) {
    return trails.search(new TrailSearch.Query(actor, type, text, from, to, page), user);
  }
}
