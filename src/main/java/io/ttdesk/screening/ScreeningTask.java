package io.ttdesk.screening;

import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The broker's first look at a disclosure: pursue it, or not (with a reason). */
@Component
class ScreeningTask implements TaskHandler<ScreeningTask.Form> {

  enum Decision { PURSUE, NOT_PURSUE }

  record Form(@NotNull Decision decision, @Size(max = 2000) String comment) {}

  @Override
  public String elementId() { return Tasks.SCREEN_DISCLOSURE; }

  @Override
  public Class<Form> form() { return Form.class; }

  @Override
  public Stage stage() { return Stage.SCREENING; }

  @Override
  public Result complete(TaskView task, Form form, DeskUser user) {
    TaskHandler.requireText(form.decision() == Decision.NOT_PURSUE, form.comment(), "comment",
        "is required when the disclosure is not pursued");
    return new Result(Map.of(Vars.SCREENING_DECISION, form.decision().name()), form.decision().name());
  }
}
