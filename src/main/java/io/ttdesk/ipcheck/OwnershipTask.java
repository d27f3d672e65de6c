package io.ttdesk.ipcheck;

import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A manager settles unclear ownership (assignments obtained, sponsor waived title) or ends the deal. */
@Component
class OwnershipTask implements TaskHandler<OwnershipTask.Form> {

  enum Decision { CONFIRMED, UNRESOLVED }

  record Form(@NotNull Decision decision, @NotBlank @Size(max = 2000) String comment) {}

  @Override
  public String elementId() { return Tasks.REVIEW_OWNERSHIP; }

  @Override
  public int priority() { return 70; }

  @Override
  public Class<Form> form() { return Form.class; }

  @Override
  public Stage stage() { return Stage.IP_CHECK; }

  @Override
  public Result complete(TaskView task, Form form, DeskUser user) {
    return new Result(Map.of(Vars.OWNERSHIP_DECISION, form.decision().name()), form.decision().name());
  }
}
