package io.ttdesk.ipcheck;

import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A restricted technology needs the authority's approval before substantive negotiation and its
 * export licence before signature; a manager records each with the authority's reference.
 */
@Configuration
class ExportControlTasks {

  enum Decision { GRANTED, REFUSED }

  record Form(@NotNull Decision decision, @Size(max = 100) String reference, @Size(max = 2000) String comment) {}

  @Bean
  TaskHandler<Form> obtainExportApproval(IpCheckService checks, DealService deals) {
    return handler(checks, deals, Tasks.OBTAIN_EXPORT_APPROVAL, Stage.IP_CHECK, null, IpCheck.Kind.EXPORT_APPROVAL,
        Vars.EXPORT_APPROVAL);
  }

  /** The deal waits in EXPORT_LICENCE, where no signature is taken, until the licence is granted. */
  @Bean
  TaskHandler<Form> obtainExportLicence(IpCheckService checks, DealService deals) {
    return handler(checks, deals, Tasks.OBTAIN_EXPORT_LICENCE, Stage.EXPORT_LICENCE, Stage.SIGNATURE,
        IpCheck.Kind.EXPORT_LICENCE, Vars.EXPORT_LICENCE);
  }

  private static TaskHandler<Form> handler(IpCheckService checks, DealService deals, String elementId, Stage stage,
      Stage whenGranted, IpCheck.Kind kind, String variable) {
    return new TaskHandler<>() {
      public String elementId() { return elementId; }
      public int priority() { return 70; }
      public Class<Form> form() { return Form.class; }
      public Stage stage() { return stage; }
      public Result complete(TaskView task, Form form, DeskUser user) {
        TaskHandler.requireText(form.decision() == Decision.GRANTED, form.reference(), "reference",
            "is required: the authority's approval or licence number");
        TaskHandler.requireText(form.decision() == Decision.REFUSED, form.comment(), "comment",
            "is required when the authority refused");
        checks.recordExportDecision(task.dealId(), kind, form.decision().name(), form.reference(), form.comment(), user);
        if (form.decision() == Decision.GRANTED && whenGranted != null) {
          deals.enter(task.dealId(), whenGranted, user.actor());
        }
        return new Result(Map.of(variable, form.decision().name()), form.decision().name());
      }
    };
  }
}
