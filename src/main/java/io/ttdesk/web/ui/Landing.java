package io.ttdesk.web.ui;

import io.ttdesk.security.DeskUser;
import io.ttdesk.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After sign-in: brokers and managers to their task list, auditors to the case trails, admins to the deal list at the root. */
@Controller
class Landing {

  @GetMapping("/desk")
  String land(@AuthenticationPrincipal DeskUser user) {
    if (user.has(Role.BROKER) || user.has(Role.MANAGER)) {
      return "redirect:/desk/tasks";
    }
    return user.has(Role.AUDITOR) ? "redirect:/desk/trail" : "redirect:/";
  }
}
