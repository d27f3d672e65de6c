package io.ttdesk.valuation;

import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The valuation's human steps: a manager's review, and the broker's revision when sent back. */
@Configuration
class ValuationTasks {

  enum ReviewDecision { APPROVE, SEND_BACK }

  record Review(@NotNull ReviewDecision decision, @Size(max = 2000) String comment) {}

  record Revision(
      @Size(min = 1, max = 30) List<@NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal> projectedRevenue,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal royaltyRate,
      @NotNull @DecimalMin("0") @DecimalMax(value = "100", inclusive = false) BigDecimal taxRate,
      @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal discountRate,
      @Size(max = 2000) String comment) {}

  @Bean
  TaskHandler<Review> reviewValuation() {
    return new TaskHandler<>() {
      public String elementId() { return Tasks.REVIEW_VALUATION; }
      public Class<Review> form() { return Review.class; }
      public Stage stage() { return Stage.VALUATION; }
      public Result complete(TaskView task, Review form, DeskUser user) {
        TaskHandler.requireText(form.decision() == ReviewDecision.SEND_BACK, form.comment(), "comment",
            "is required when the valuation is sent back");
        return new Result(Map.of(Vars.VALUATION_DECISION, form.decision().name()), form.decision().name());
      }
    };
  }

  @Bean
  TaskHandler<Revision> reviseValuation(DealService deals) {
    return new TaskHandler<>() {
      public String elementId() { return Tasks.REVISE_VALUATION; }
      public Class<Revision> form() { return Revision.class; }
      public Stage stage() { return Stage.VALUATION; }
      public Result complete(TaskView task, Revision form, DeskUser user) {
        Deal.Valuation current = deals.lock(task.dealId()).valuationInputs();
        deals.reviseValuation(task.dealId(), new Deal.Valuation(current.currency(),
            form.projectedRevenue() == null ? current.projectedRevenue() : form.projectedRevenue(),
            form.royaltyRate(), form.taxRate(), form.discountRate()));
        return new Result(Map.of(), "REVISED");
      }
    };
  }
}
