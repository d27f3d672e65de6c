package io.ttdesk.licensing;

import io.ttdesk.common.ForbiddenException;
import io.ttdesk.common.Money;
import io.ttdesk.fx.ExchangeRates;
import io.ttdesk.process.DealProcess;
import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The broker's term sheet, and the manager's approval of it when the rules ask for one. */
@Configuration
class TermSheetTasks {

  record MilestoneForm(@NotBlank @Size(max = 200) String name,
      @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount, @NotNull LocalDate dueDate) {}

  record TermSheetForm(
      @NotNull DealForm dealForm,
      @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
      @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal upfrontFee,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal royaltyRate,
      @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal minimumAnnualRoyalty,
      @DecimalMin("0") @DecimalMax("25") BigDecimal marEscalation,
      @Size(max = 200) String fieldOfUse,
      @Size(max = 200) String territory,
      @DecimalMin("0") @DecimalMax("100") BigDecimal sublicenceShare,
      @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal patentCostReimbursement,
      @DecimalMin("0") @DecimalMax("100") BigDecimal equityPercent,
      TermSheet.ReportingPeriod reportingPeriod,
      @Min(1) @Max(30) Integer termYears,
      @Size(max = 20) List<@Valid @NotNull MilestoneForm> milestones) {}

  enum ApprovalDecision { APPROVE, REJECT }

  record Approval(@NotNull ApprovalDecision decision, @Size(max = 2000) String comment) {}

  @Bean
  TaskHandler<TermSheetForm> prepareTermSheet(LicensingService licensing, ExchangeRates rates) {
    return new TaskHandler<>() {
      public String elementId() { return Tasks.PREPARE_TERM_SHEET; }
      public Class<TermSheetForm> form() { return TermSheetForm.class; }
      public Stage stage() { return Stage.LICENSING; }
      public Result complete(TaskView task, TermSheetForm f, DeskUser user) {
        List<TermSheet.Milestone> milestones = f.milestones() == null ? List.of()
            : f.milestones().stream().map(m -> new TermSheet.Milestone(m.name(), m.amount(), m.dueDate())).toList();
        TermSheet sheet = licensing.propose(task.dealId(), new LicensingService.Terms(f.dealForm(), f.currency(),
            f.upfrontFee(), f.royaltyRate(), f.minimumAnnualRoyalty() == null ? BigDecimal.ZERO : f.minimumAnnualRoyalty(),
            f.marEscalation(), f.fieldOfUse(), f.territory(), f.sublicenceShare(), f.patentCostReimbursement(),
            f.equityPercent(), f.reportingPeriod() == null ? TermSheet.ReportingPeriod.QUARTERLY : f.reportingPeriod(),
            f.termYears(), milestones), user);
        Map<String, Object> vars = new HashMap<>();
        vars.put(Vars.DEAL_FORM, f.dealForm().name());
        vars.put(Vars.UPFRONT_FEE, f.upfrontFee());
        rates.putConverted(vars, Vars.UPFRONT_FEE_USD, Vars.UPFRONT_FEE_USD_RATE, Money.of(f.upfrontFee(), f.currency()),
            DealProcess.DECISION_CURRENCY);
        vars.put(Vars.ROYALTY_RATE, f.royaltyRate());
        return new Result(vars, "V" + sheet.getVersion());
      }
    };
  }

  @Bean
  TaskHandler<Approval> approveTermSheet(LicensingService licensing) {
    return new TaskHandler<>() {
      public String elementId() { return Tasks.APPROVE_TERM_SHEET; }
      public Class<Approval> form() { return Approval.class; }
      public Stage stage() { return Stage.LICENSING; }
      public Result complete(TaskView task, Approval form, DeskUser user) {
        // Four eyes: whoever wrote the terms does not approve them.
        licensing.current(task.dealId()).filter(s -> s.getCreatedBy().equals(user.getUsername())).ifPresent(s -> {
          throw new ForbiddenException("You prepared term sheet v" + s.getVersion() + "; another manager must approve it.");
        });
        TaskHandler.requireText(form.decision() == ApprovalDecision.REJECT, form.comment(), "comment",
            "is required when the term sheet is rejected");
        return new Result(Map.of(Vars.APPROVAL_DECISION, form.decision().name()), form.decision().name());
      }
    };
  }
}
