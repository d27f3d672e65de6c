package io.ttdesk.casefile.ui;

import io.ttdesk.casefile.TrailSearch;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.security.DeskUser;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's starting page: trail events across the deals of their centres, each linked to its case trail. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR','MANAGER','ADMIN')")
class TrailSearchPage {

  private final TrailSearch trails;

  TrailSearchPage(TrailSearch trails) {
    this.trails = trails;
  }

  @GetMapping("/desk/trail")
  String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
      @RequestParam(required = false) String text, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page,
      @AuthenticationPrincipal DeskUser user, Model model) {
    TrailSearch.Query q = new TrailSearch.Query(actor, type, text, from, to, page);
    model.addAttribute("q", q);
    try {
      List<TrailSearch.Found> found = trails.search(q, user);
      model.addAttribute("found", found);
      model.addAttribute("more", found.size() == TrailSearch.PAGE_SIZE);
    } catch (InvalidInputException e) {
      model.addAttribute("found", List.of());
      model.addAttribute("problems", e.problems());
    }
    return "trails";
  }
}
