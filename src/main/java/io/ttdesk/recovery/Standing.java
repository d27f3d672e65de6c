package io.ttdesk.recovery;

import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Elements;
import io.ttdesk.process.DealProcess.Messages;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an open deal stood when the engine lost its process instance, as the case store tells it,
 * and how to recreate the instance there.
 *
 * @param variables the process variables, rebuilt in the order they were set
 * @param openTasks the element ids of the deal's open tasks
 * @param steps what happened since disclosure, oldest first: completed tasks' element ids,
 *     {@link Elements#COMPUTE_VALUATION} for each valuation computed and {@link #RESPONSE} for each
 *     counterparty answer
 * @param chased the subjects (payments, periods) whose overdue chase task is done
 * @param milestones the payments the contract made due, null before the contract was activated
 * @param royaltyPeriods the reporting periods of the contract
 * @param payments the received payments by milestone
 * @param reported the periods whose report is in
 * @param royaltiesDue the periods whose report made a payment due
 */
public record Standing(String dealId, Stage stage, boolean crossBorder, boolean withdrawalRequested,
    Map<String, Object> variables, List<String> openTasks, List<String> steps, Set<String> chased,
    List<Map<String, Object>> milestones, List<Map<String, Object>> royaltyPeriods, Map<String, Payment> payments,
    Set<String> reported, Set<String> royaltiesDue) {

  public static final String RESPONSE = "response";
  /** A due date for an overdue timer that has already fired, or no longer matters. */
  static final String NEVER = "9999-12-31T00:00:00Z";

  public record Payment(String id, boolean split) {}

  public record Message(String name, String correlationKey, String messageId, Map<String, Object> variables) {}

  /** The elements to start before, the variables, and the messages to publish again after. */
  public record Plan(List<String> startBefore, Map<String, Object> variables, List<Message> messages) {}

  public Plan plan() {
    Map<String, Object> vars = new LinkedHashMap<>(variables);
    List<Message> messages = new ArrayList<>();
    // A withdrawal first: published before the instance exists, it ends it as soon as it starts.
    if (withdrawalRequested) {
      messages.add(new Message(Messages.WITHDRAWN, dealId, Messages.withdrawalId(dealId), Map.of()));
    }
    List<String> main = openTasks.stream().filter(e -> !Elements.NESTED_TASKS.contains(e)).distinct().toList();
    List<String> starts;
    if (stage == Stage.EXECUTION) {
      starts = execution(vars, messages);
    } else if (main.stream().anyMatch(Elements.IP_CHECK_TASKS::contains)) {
      starts = List.of(patentBranch(main), screeningBranch(main));
    } else if (!main.isEmpty()) {
      starts = main;
    } else {
      starts = byStage();
    }
    return new Plan(starts, vars, messages);
  }

  /**
   * Where a stage with no open task goes on: after the last step done in it, so that the
   * diagram's own gateways route what that step decided.
   */
  private List<String> byStage() {
    String last = steps.isEmpty() ? null : steps.getLast();
    return switch (stage) {
      case DISCLOSED, SCREENING -> List.of(steps.contains(Tasks.SCREEN_DISCLOSURE) ? Elements.PURSUE_DECISION
          : Tasks.SCREEN_DISCLOSURE);
      case VALUATION -> List.of(switch (lastOf(Elements.COMPUTE_VALUATION, Tasks.REVIEW_VALUATION, Tasks.REVISE_VALUATION)) {
        case Elements.COMPUTE_VALUATION -> Elements.DECIDE_VALUATION_REVIEW;
        case Tasks.REVIEW_VALUATION -> Elements.REVIEW_DECISION;
        case Tasks.REVISE_VALUATION -> Elements.REVALUE;
        default -> Elements.COMPUTE_VALUATION;
      });
      case IP_CHECK -> Tasks.OBTAIN_EXPORT_APPROVAL.equals(last) ? List.of(Elements.EXPORT_APPROVAL_DECISION)
          : List.of(patentBranch(List.of()), screeningBranch(List.of()));
      case LICENSING -> List.of(last == null ? Elements.TERM_SHEET : switch (last) {
        case Tasks.PREPARE_TERM_SHEET -> Elements.DECIDE_TERM_SHEET_APPROVAL;
        case Tasks.APPROVE_TERM_SHEET -> Elements.APPROVAL_DECISION;
        case Tasks.OBTAIN_EXPORT_APPROVAL -> Elements.EXPORT_APPROVAL_DECISION;
        case RESPONSE -> Elements.RESPONSE_DECISION;
        default -> Elements.TERM_SHEET;
      });
      case NEGOTIATION -> List.of(RESPONSE.equals(last) ? Elements.RESPONSE_DECISION : Elements.AWAIT_RESPONSE);
      case EXPORT_LICENCE -> List.of(Tasks.OBTAIN_EXPORT_LICENCE.equals(last) ? Elements.EXPORT_LICENCE_DECISION
          : Tasks.OBTAIN_EXPORT_LICENCE);
      case SIGNATURE -> List.of(Elements.SIGNATURE);
      default -> throw new IllegalStateException("deal " + dealId + " in stage " + stage + " has no place to restart");
    };
  }

  /** The latest of these steps, or "" when none of them happened. */
  private String lastOf(String... candidates) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (List.of(candidates).contains(steps.get(i))) {
        return steps.get(i);
      }
    }
    return "";
  }

  private String patentBranch(List<String> open) {
    if (open.contains(Tasks.REVIEW_OWNERSHIP)) {
      return Tasks.REVIEW_OWNERSHIP;
    }
    if (!variables.containsKey(Vars.PATENT_POSITION)) {
      return Elements.CHECK_PATENT_POSITION;
    }
    if (variables.containsKey(Vars.OWNERSHIP_DECISION)) {
      return Elements.OWNERSHIP_DECISION;
    }
    return Boolean.FALSE.equals(variables.get(Vars.OWNERSHIP_CLEAR)) ? Tasks.REVIEW_OWNERSHIP : Elements.OWNERSHIP_SETTLED;
  }

  private String screeningBranch(List<String> open) {
    if (open.contains(Tasks.DECIDE_SCREENING_HIT)) {
      return Tasks.DECIDE_SCREENING_HIT;
    }
    if (!crossBorder) {
      return Elements.SCREENING_SETTLED;
    }
    Object result = variables.get(Vars.SCREENING_RESULT);
    if (result == null) {
      return Elements.SCREEN_EXPORT_CONTROL;
    }
    if (variables.containsKey(Vars.HIT_DECISION)) {
      return Elements.HIT_DECISION;
    }
    return "CLEAR".equals(result) ? Elements.SCREENING_SETTLED : Tasks.DECIDE_SCREENING_HIT;
  }

  /**
   * Both branches of the running contract, each over what is still outstanding. A payment or
   * report that arrived but whose next step had not finished is published again.
   */
  private List<String> execution(Map<String, Object> vars, List<Message> messages) {
    if (milestones == null) {
      return List.of(Elements.ACTIVATE_CONTRACT);
    }
    List<Map<String, Object>> due = new ArrayList<>();
    for (Map<String, Object> m : milestones) {
      String id = String.valueOf(m.get("id"));
      Payment p = payments.get(id);
      if (p != null && p.split()) {
        continue;
      }
      due.add(p != null || chased.contains(id) ? with(m, "dueAt", NEVER) : m);
      if (p != null) {
        messages.add(payment(id, p));
      }
    }
    List<Map<String, Object>> periods = new ArrayList<>();
    for (Map<String, Object> period : royaltyPeriods) {
      String code = String.valueOf(period.get("id"));
      Payment p = payments.get(code);
      if (reported.contains(code) && (!royaltiesDue.contains(code) || (p != null && p.split()))) {
        continue;
      }
      periods.add(reported.contains(code) || chased.contains(code) ? with(period, "reportDueAt", NEVER) : period);
      if (reported.contains(code)) {
        messages.add(new Message(Messages.ROYALTY_REPORT, Messages.periodKey(dealId, code),
            Messages.reportId(dealId, code), Map.of()));
        if (p != null) {
          messages.add(payment(code, p));
        }
      }
    }
    vars.put(Vars.MILESTONES, due);
    vars.put(Vars.ROYALTY_PERIODS, periods);
    return List.of(Elements.COLLECT_PAYMENTS, Elements.ROYALTY_PERIODS);
  }

  private Message payment(String milestone, Payment p) {
    return new Message(Messages.PAYMENT_RECEIVED, Messages.paymentKey(dealId, milestone), Messages.paymentId(p.id()),
        Map.of());
  }

  private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(m);
    copy.put(key, value);
    return copy;
  }
}
