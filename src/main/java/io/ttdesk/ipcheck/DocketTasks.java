package io.ttdesk.ipcheck;

import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A docket date passed with nothing recorded: the broker says whether it was met or abandoned. */
@Component
class DocketTasks implements TaskHandler<DocketTasks.Form> {

  record Form(@NotNull DocketItem.Action action, @Size(max = 200) String reference, @Size(max = 2000) String note) {}

  private final DocketService docket;

  DocketTasks(DocketService docket) {
    this.docket = docket;
  }

  @Override
  public String elementId() { return Tasks.ATTEND_DOCKET_DATE; }

  @Override
  public Class<Form> form() { return Form.class; }

  @Override
  public Stage stage() { return null; }

  /** A passed filing or fee deadline can cost the patent: first in the list. */
  @Override
  public int priority() { return 90; }

  @Override
  public Result complete(TaskView task, Form form, DeskUser user) {
    docket.attend(task.dealId(), task.subject(), form.action(), form.reference(), form.note(), user);
    return new Result(Map.of(), form.action().name());
  }
}
