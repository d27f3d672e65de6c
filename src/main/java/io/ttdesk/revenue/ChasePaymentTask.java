package io.ttdesk.revenue;

import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The broker records how an overdue payment was chased; the payment itself is still awaited. */
@Component
class ChasePaymentTask implements TaskHandler<ChasePaymentTask.Form> {

  record Form(@NotBlank @Size(max = 2000) String comment) {}

  @Override
  public String elementId() { return Tasks.CHASE_PAYMENT; }

  @Override
  public Class<Form> form() { return Form.class; }

  @Override
  public Stage stage() { return null; }

  @Override
  public Result complete(TaskView task, Form form, DeskUser user) {
    return new Result(Map.of(), "CHASED");
  }
}
