package io.ttdesk.admin;

import io.ttdesk.deal.Centres;
import io.ttdesk.process.Incident;
import io.ttdesk.process.Incidents;
import io.ttdesk.security.DeskUser;
import io.ttdesk.security.Role;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Steps whose retries ran out, in the deals of the caller's centres, and sending a deal through one again. */
@RestController
@PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
class IncidentController {

  private final Incidents incidents;
  private final Centres centres;

  IncidentController(Incidents incidents, Centres centres) {
    this.incidents = incidents;
    this.centres = centres;
  }

  @GetMapping("/api/v1/incidents")
  List<Incident> open(@AuthenticationPrincipal DeskUser user) {
    return incidents.open(centres.grantedTo(user).keySet(), user.has(Role.ADMIN));
  }

  @PostMapping("/api/v1/incidents/{jobKey}/retry")
  Incident retry(@PathVariable long jobKey, @AuthenticationPrincipal DeskUser user) {
    return incidents.retry(jobKey, centres.grantedTo(user).keySet(), user.has(Role.ADMIN), user.username());
  }
}
