package io.ttdesk.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.ttdesk.deal.Stage;
import io.ttdesk.process.DealProcess.Elements;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.recovery.Standing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each place a lost process instance is recreated at, from where the case store says a deal
 * stood: the instance starts there, waits where the deal waited, and goes on from it.
 */
@ZeebeProcessTest
class RecreationPointsTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessInstanceEvent instance;

  @BeforeEach
  void deploy() {
    TestDeals.deploy(client);
  }

  @Test
  void openTasksAreWhereTheDealWaits() {
    recreate(standing(Stage.SCREENING, vars(), List.of(Tasks.SCREEN_DISCLOSURE), List.of()));
    assertThat(instance).isWaitingAtElements(Tasks.SCREEN_DISCLOSURE);
    recreate(standing(Stage.VALUATION, vars(), List.of(Tasks.REVIEW_VALUATION), List.of()));
    assertThat(instance).isWaitingAtElements(Tasks.REVIEW_VALUATION);
    recreate(standing(Stage.EXPORT_LICENCE, vars(), List.of(), List.of()));
    assertThat(instance).isWaitingAtElements(Tasks.OBTAIN_EXPORT_LICENCE);
  }

  @Test
  void aStageWithoutOpenTaskStartsAtItsNextStep() {
    recreate(standing(Stage.SCREENING, vars(), List.of(), List.of(Tasks.SCREEN_DISCLOSURE)));
    assertThat(jobElements(Jobs.VALUATION)).containsExactly("ComputeValuation");
    recreate(standing(Stage.SIGNATURE, vars(), List.of(), List.of()));
    assertThat(instance).isWaitingAtElements("AwaitSignature");
    recreate(standing(Stage.EXECUTION, vars(), List.of(), List.of()));
    assertThat(jobElements(Jobs.ACTIVATE_CONTRACT)).containsExactly("ActivateContract");
  }

  @Test
  void anOfferOutWaitsForTheAnswerWithItsRemindersCounted() {
    Map<String, Object> vars = vars();
    vars.put(Vars.REMINDER_COUNT, 2);
    recreate(standing(Stage.NEGOTIATION, vars, List.of(), List.of(Tasks.PREPARE_TERM_SHEET)));
    assertThat(instance).isWaitingAtElements("AwaitResponse");
    // Both reminders were sent before the engine was lost: the next silence lapses the deal.
    engine.increaseTime(Duration.ofDays(8));
    idle();
    assertThat(jobElements(Jobs.CLOSE)).containsExactly("Lapsed");
  }

  @Test
  void licensingGoesOnAfterItsLastStep() {
    Map<String, Object> vars = vars();
    vars.putAll(Map.of(Vars.DEAL_FORM, "NON_EXCLUSIVE_LICENCE", Vars.UPFRONT_FEE, 20_000, Vars.UPFRONT_FEE_USD, 20_000,
        Vars.ROYALTY_RATE, 3));
    recreate(standing(Stage.LICENSING, vars, List.of(), List.of(Tasks.PREPARE_TERM_SHEET)));
    assertThat(jobElements(Jobs.DECISION_RECORD)).containsExactly("DecideTermSheetApproval");

    vars.put(Vars.APPROVAL_DECISION, "APPROVE");
    recreate(standing(Stage.LICENSING, vars, List.of(), List.of(Tasks.PREPARE_TERM_SHEET, Tasks.APPROVE_TERM_SHEET)));
    assertThat(jobElements(Jobs.SEND_OFFER)).containsExactly("SendOffer");

    vars.put(Vars.APPROVAL_DECISION, "REJECT");
    recreate(standing(Stage.LICENSING, vars, List.of(), List.of(Tasks.PREPARE_TERM_SHEET, Tasks.APPROVE_TERM_SHEET)));
    assertThat(instance).isWaitingAtElements(Tasks.PREPARE_TERM_SHEET);

    recreate(standing(Stage.LICENSING, vars, List.of(), List.of(Tasks.APPROVE_TERM_SHEET, Standing.RESPONSE)));
    assertThat(instance).isWaitingAtElements(Tasks.PREPARE_TERM_SHEET);
  }

  @Test
  void anOwnershipReviewWithTheScreeningDoneFinishesTheIpCheckWhenConfirmed() {
    Map<String, Object> vars = vars();
    vars.putAll(Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT", Vars.OWNERSHIP_CLEAR, false, Vars.SCREENING_RESULT, "CLEAR"));
    recreate(standing(Stage.IP_CHECK, vars, List.of(Tasks.REVIEW_OWNERSHIP), List.of(), true));
    assertThat(instance).isWaitingAtElements(Tasks.REVIEW_OWNERSHIP);
    completeUserTask(Tasks.REVIEW_OWNERSHIP, Map.of(Vars.OWNERSHIP_DECISION, "CONFIRMED"));
    assertThat(instance).hasPassedElement("IpCheckJoin").isWaitingAtElements(Tasks.PREPARE_TERM_SHEET);
  }

  @Test
  void anIpCheckWithNothingDoneRunsBothChecksAndOneUndecidedHitWaits() {
    recreate(standing(Stage.IP_CHECK, vars(), List.of(), List.of(), true));
    assertThat(jobElements(Jobs.PATENT_CHECK)).containsExactly("CheckPatentPosition");
    assertThat(jobElements(Jobs.SCREENING)).containsExactly("ScreenExportControl");

    Map<String, Object> vars = vars();
    vars.putAll(Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT", Vars.OWNERSHIP_CLEAR, true, Vars.SCREENING_RESULT, "MATCH"));
    recreate(standing(Stage.IP_CHECK, vars, List.of(), List.of(), true));
    assertThat(instance).isWaitingAtElements(Tasks.DECIDE_SCREENING_HIT);
  }

  @Test
  void aRunningContractAwaitsOnlyWhatIsOutstandingAndTakesWhatArrivedAgain() {
    List<Map<String, Object>> milestones = List.of(due("UPFRONT"), due("M1"), due("M2"));
    List<Map<String, Object>> periods = List.of(Map.of("id", "R1", "reportDueAt", "2020-01-01T00:00:00Z"),
        Map.of("id", "R2", "reportDueAt", "2020-01-01T00:00:00Z"), Map.of("id", "R3", "reportDueAt", "2099-01-01T00:00:00Z"));
    // UPFRONT paid and split; M1 received but not split; R1 reported with nothing due; R2 reported
    // and due; the chase of R3's report is done.
    Standing s = new Standing("deal-1", Stage.EXECUTION, false, false, vars(), List.of(), List.of(), Set.of("R3"),
        milestones, periods, Map.of("UPFRONT", new Standing.Payment("p1", true), "M1", new Standing.Payment("p2", false)),
        Set.of("R1", "R2"), Set.of("R2"));
    Standing.Plan plan = recreate(s);
    assertThat(ids(plan.variables().get(Vars.MILESTONES))).containsExactly("M1", "M2");
    assertThat(ids(plan.variables().get(Vars.ROYALTY_PERIODS))).containsExactly("R2", "R3");
    plan.messages().forEach(m -> client.newPublishMessageCommand().messageName(m.name()).correlationKey(m.correlationKey())
        .messageId(m.messageId()).variables(m.variables()).send().join());
    idle();
    assertThat(splitMilestones()).containsExactly("M1");
    ActivatedJob royaltyDue = client.newActivateJobsCommand().jobType(Jobs.ROYALTY_DUE).maxJobsToActivate(5).send()
        .join().getJobs().getFirst();
    assertThat(((Map<?, ?>) royaltyDue.getVariablesAsMap().get(Vars.PERIOD)).get("id")).isEqualTo("R2");
    // Only M2, overdue and never chased, is chased: M1 arrived, R2's report arrived, R3's was chased already.
    assertThat(client.newActivateJobsCommand().jobType(Jobs.USER_TASK).maxJobsToActivate(5).send().join().getJobs())
        .extracting(j -> j.getElementId() + ":" + ((Map<?, ?>) j.getVariablesAsMap().get(Vars.MILESTONE)).get("id"))
        .containsExactly("ChasePayment:M2");
  }

  @Test
  void aDecisionTakenBeforeTheLossIsRoutedByTheDiagramAgain() {
    Map<String, Object> vars = vars();
    vars.put(Vars.SCREENING_DECISION, "NOT_PURSUE");
    recreate(standing(Stage.SCREENING, vars, List.of(), List.of(Tasks.SCREEN_DISCLOSURE)));
    assertThat(jobElements(Jobs.CLOSE)).containsExactly("NotPursued");

    vars = vars();
    vars.put(Vars.VALUATION_DECISION, "APPROVE");
    recreate(standing(Stage.VALUATION, vars, List.of(), List.of(Elements.COMPUTE_VALUATION, Tasks.REVIEW_VALUATION)));
    assertThat(jobElements(Jobs.PATENT_CHECK)).containsExactly("CheckPatentPosition");
    assertThat(jobElements(Jobs.VALUATION)).isEmpty();

    vars = vars();
    vars.putAll(Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT", Vars.OWNERSHIP_CLEAR, true, Vars.SCREENING_RESULT, "MATCH",
        Vars.HIT_DECISION, "BLOCK"));
    recreate(standing(Stage.IP_CHECK, vars, List.of(), List.of(Tasks.DECIDE_SCREENING_HIT), true));
    assertThat(jobElements(Jobs.CLOSE)).containsExactly("Blocked");

    vars = vars();
    vars.put(Vars.COUNTERPARTY_RESPONSE, "DECLINE");
    recreate(standing(Stage.NEGOTIATION, vars, List.of(), List.of(Tasks.PREPARE_TERM_SHEET, Standing.RESPONSE)));
    assertThat(jobElements(Jobs.CLOSE)).containsExactly("Declined");

    vars = vars();
    vars.putAll(Map.of(Vars.COUNTERPARTY_RESPONSE, "COUNTER_OFFER", Vars.NEGOTIATION_ROUND, 2));
    recreate(standing(Stage.LICENSING, vars, List.of(), List.of(Tasks.PREPARE_TERM_SHEET, Standing.RESPONSE)));
    assertThat(jobElements(Jobs.CLOSE)).containsExactly("NoAgreement");

    vars = vars();
    vars.put(Vars.EXPORT_LICENCE, "REFUSED");
    recreate(standing(Stage.EXPORT_LICENCE, vars, List.of(), List.of(Tasks.OBTAIN_EXPORT_LICENCE)));
    assertThat(jobElements(Jobs.CLOSE)).containsExactly("LicenceRefused");
  }

  @Test
  void aComputedValuationIsDecidedNotComputedAgain() {
    Map<String, Object> vars = vars();
    vars.putAll(Map.of(Vars.VALUATION_VALUE, 100_000, Vars.VALUATION_VALUE_USD, 100_000));
    recreate(standing(Stage.VALUATION, vars, List.of(), List.of(Tasks.SCREEN_DISCLOSURE, Elements.COMPUTE_VALUATION)));
    assertThat(jobElements(Jobs.DECISION_RECORD)).containsExactly("DecideValuationReview");
    assertThat(jobElements(Jobs.VALUATION)).isEmpty();
  }

  @Test
  void aRequestedWithdrawalIsTakenAgain() {
    Standing s = new Standing("deal-1", Stage.VALUATION, false, true, vars(), List.of(Tasks.REVIEW_VALUATION),
        List.of(), Set.of(), null, List.of(), Map.of(), Set.of(), Set.of());
    Standing.Plan plan = recreate(s);
    plan.messages().forEach(m -> client.newPublishMessageCommand().messageName(m.name()).correlationKey(m.correlationKey())
        .messageId(m.messageId()).variables(m.variables()).send().join());
    idle();
    assertThat(instance).hasPassedElement("WithdrawalRequested");
    assertThat(jobElements(Jobs.CLOSE)).containsExactly("Withdrawn");
  }

  // ---- helpers ----

  private Standing.Plan recreate(Standing s) {
    Standing.Plan plan = s.plan();
    var command = client.newCreateInstanceCommand().bpmnProcessId(DealProcess.PROCESS_ID).latestVersion()
        .variables(plan.variables());
    for (String element : plan.startBefore()) {
      command = command.startBeforeElement(element);
    }
    instance = command.send().join();
    idle();
    return plan;
  }

  private static Standing standing(Stage stage, Map<String, Object> vars, List<String> open, List<String> steps) {
    return standing(stage, vars, open, steps, false);
  }

  private static Standing standing(Stage stage, Map<String, Object> vars, List<String> open, List<String> steps,
      boolean crossBorder) {
    vars.put(Vars.CROSS_BORDER, crossBorder);
    return new Standing("deal-1", stage, crossBorder, false, vars, open, steps, Set.of(), null, List.of(), Map.of(),
        Set.of(), Set.of());
  }

  private static Map<String, Object> vars() {
    return TestDeals.startVariables("deal-1", false, 6);
  }

  private static List<Object> ids(Object maps) {
    return ((List<?>) maps).stream().map(m -> ((Map<?, ?>) m).get("id")).map(Object.class::cast).toList();
  }

  private static Map<String, Object> due(String id) {
    return Map.of("id", id, "dueAt", "2020-01-01T00:00:00Z");
  }

  /** The elements of this instance's open jobs of that type. */
  private List<String> jobElements(String type) {
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).send().join().getJobs().stream()
        .filter(j -> j.getProcessInstanceKey() == instance.getProcessInstanceKey())
        .map(ActivatedJob::getElementId).toList();
  }

  private List<Object> splitMilestones() {
    return client.newActivateJobsCommand().jobType(Jobs.SPLIT_REVENUE).maxJobsToActivate(10).send().join().getJobs()
        .stream().map(j -> ((Map<?, ?>) j.getVariablesAsMap().get(Vars.MILESTONE)).get("id")).map(Object.class::cast)
        .toList();
  }

  private void completeUserTask(String elementId, Map<String, Object> result) {
    ActivatedJob task = client.newActivateJobsCommand().jobType(Jobs.USER_TASK).maxJobsToActivate(10).send().join()
        .getJobs().stream().filter(j -> j.getProcessInstanceKey() == instance.getProcessInstanceKey())
        .filter(j -> j.getElementId().equals(elementId)).findFirst().orElseThrow();
    client.newCompleteCommand(task.getKey()).variables(result).send().join();
    idle();
  }

  private void idle() {
    TestDeals.idle(engine);
  }
}
