package io.ttdesk.revenue;

import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker records how an overdue payment or royalty report was chased; the payment or report
 * itself is still awaited, and its arrival ends any chase task still open.
 */
@Configuration
class ChaseTasks {

  record Form(@NotBlank @Size(max = 2000) String comment) {}

  @Bean
  TaskHandler<Form> chasePayment() {
    return chase(Tasks.CHASE_PAYMENT);
  }

  @Bean
  TaskHandler<Form> chaseRoyaltyPayment() {
    return chase(Tasks.CHASE_ROYALTY_PAYMENT);
  }

  @Bean
  TaskHandler<Form> chaseRoyaltyReport() {
    return chase(Tasks.CHASE_ROYALTY_REPORT);
  }

  private static TaskHandler<Form> chase(String elementId) {
    return new TaskHandler<>() {
      public String elementId() { return elementId; }
      public int priority() { return 60; }
      public Class<Form> form() { return Form.class; }
      public Stage stage() { return null; }
      public Result complete(TaskView task, Form form, DeskUser user) {
        return new Result(Map.of(), "CHASED");
      }
    };
  }
}
