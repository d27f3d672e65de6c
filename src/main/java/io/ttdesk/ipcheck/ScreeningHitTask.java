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

/** A person decides every screening hit: clear it, or block the deal; always with a reason. */
@Component
class ScreeningHitTask implements TaskHandler<ScreeningHitTask.Form> {

  enum Decision { CLEAR, BLOCK }

  record Form(@NotNull Decision decision, @NotBlank @Size(max = 2000) String reason) {}

  @Override
  public String elementId() { return Tasks.DECIDE_SCREENING_HIT; }

  /** The deal waits on a person's word about a possible denied party. */
  @Override
  public int priority() { return 80; }

  @Override
  public Class<Form> form() { return Form.class; }

  @Override
  public Stage stage() { return Stage.IP_CHECK; }

  @Override
  public Result complete(TaskView task, Form form, DeskUser user) {
    return new Result(Map.of(Vars.HIT_DECISION, form.decision().name()), form.decision().name());
  }
}
