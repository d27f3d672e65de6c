package io.ttdesk.revenue;

import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.ttdesk.licensing.RoyaltyService;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springframework.beans.factory.ObjectProvider;
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
  TaskHandler<Form> chasePayment(PaymentRepository payments) {
    return chase(Tasks.CHASE_PAYMENT, (deal, milestone) -> payments.findByDealIdAndMilestone(deal, milestone).isPresent());
  }

  @Bean
  TaskHandler<Form> chaseRoyaltyPayment(PaymentRepository payments) {
    return chase(Tasks.CHASE_ROYALTY_PAYMENT,
        (deal, period) -> payments.findByDealIdAndMilestone(deal, period).isPresent());
  }

  // Looked up when asked: the royalty service itself withdraws chase tasks through the task service.
  @Bean
  TaskHandler<Form> chaseRoyaltyReport(ObjectProvider<RoyaltyService> royalties) {
    return chase(Tasks.CHASE_ROYALTY_REPORT, (deal, period) -> royalties.getObject().reported(deal, period));
  }

  /** A chase task, settled once what it chases has arrived. */
  private static TaskHandler<Form> chase(String elementId, BiPredicate<String, String> arrived) {
    return new TaskHandler<>() {
      public String elementId() { return elementId; }
      public boolean settled(String dealId, String subject) { return arrived.test(dealId, subject); }
      public int priority() { return 60; }
      public Class<Form> form() { return Form.class; }
      public Stage stage() { return null; }
      public Result complete(TaskView task, Form form, DeskUser user) {
        return new Result(Map.of(), "CHASED");
      }
    };
  }
}
