package io.ttdesk.process;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Messages;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of bpmn/deal.bpmn on the in-memory engine: the test plays the workers and the
 * people, completing each job with the variables the contract says it returns.
 */
@ZeebeProcessTest
class DealProcessTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;

  private String dealId;
  private ProcessInstanceEvent instance;

  @BeforeEach
  void deploy() {
    TestDeals.deploy(client);
  }

  private void start(boolean crossBorder, int trl) {
    dealId = UUID.randomUUID().toString();
    Map<String, Object> vars = TestDeals.startVariables(dealId, crossBorder, trl);
    instance = client.newCreateInstanceCommand().bpmnProcessId(DealProcess.PROCESS_ID).latestVersion()
        .variables(vars).send().join();
    idle();
  }

  // ---- paths ----

  @Test
  void notPursuedEndsAfterScreening() {
    start(false, 6);
    userTask(Tasks.SCREEN_DISCLOSURE, Map.of(Vars.SCREENING_DECISION, "NOT_PURSUE"));
    closesAs("NOT_PURSUED");
    assertThat(instance).hasPassedElement("NotPursued").hasNotPassedElement("ComputeValuation");
  }

  @Test
  void domesticDealRunsFromDisclosureToCompletedPayments() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    assertThat(instance).hasNotPassedElement("ReviewValuation").hasNotPassedElement("ScreenExportControl")
        .hasNotPassedElement("ApproveTermSheet");
    offerAndAnswer("ACCEPT", 0);
    signAndSchedule(List.of("UPFRONT", "M1"), 30);
    pay("M1");
    pay("UPFRONT");
    closesAs("COMPLETED");
    assertThat(instance).hasPassedElement("SplitRevenue", 2).hasPassedElement("MilestonePaid", 2)
        .hasNotPassedElement("ChasePayment");
  }

  @Test
  void contractWithoutPaymentsCompletesOnSignature() {
    start(false, 6);
    pursueAndValue(10_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("OPTION", 0, 3);
    offerAndAnswer("ACCEPT", 0);
    signAndSchedule(List.of(), 30);
    closesAs("COMPLETED");
    assertThat(instance).hasNotPassedElement("AwaitPayment");
  }

  @Test
  void largeValueGoesToManagerWhoCanSendItBack() {
    start(false, 6);
    userTask(Tasks.SCREEN_DISCLOSURE, Map.of(Vars.SCREENING_DECISION, "PURSUE"));
    value(2_500_000);
    userTask(Tasks.REVIEW_VALUATION, Map.of(Vars.VALUATION_DECISION, "SEND_BACK"));
    userTask(Tasks.REVISE_VALUATION, Map.of());
    value(1_800_000);
    userTask(Tasks.REVIEW_VALUATION, Map.of(Vars.VALUATION_DECISION, "APPROVE"));
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    assertThat(instance).hasPassedElement("ComputeValuation", 2).hasPassedElement("ReviseValuation")
        .isWaitingAtElements("PrepareTermSheet");
  }

  @Test
  void earlyTechnologyNeedsReviewWhateverItsValue() {
    start(false, 2);
    userTask(Tasks.SCREEN_DISCLOSURE, Map.of(Vars.SCREENING_DECISION, "PURSUE"));
    value(50_000);
    assertThat(instance).isWaitingAtElements("ReviewValuation");
  }

  @Test
  void crossBorderDealIsScreenedAndCleanScreeningGoesOn() {
    start(true, 6);
    pursueAndValue(500_000);
    assertThat(instance).isWaitingAtElements("CheckPatentPosition", "ScreenExportControl");
    service(Jobs.SCREENING, Map.of(Vars.SCREENING_RESULT, "CLEAR", Vars.EXPORT_RESTRICTED, false));
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_FILE_BY_DEADLINE"));
    assertThat(instance).hasNotPassedElement("DecideScreeningHit").hasNotPassedElement("ObtainExportApproval")
        .isWaitingAtElements("PrepareTermSheet");
  }

  @Test
  void screeningHitClearedByAPersonGoesOn() {
    start(true, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT", Vars.OWNERSHIP_CLEAR, true));
    service(Jobs.SCREENING, Map.of(Vars.SCREENING_RESULT, "REVIEW"));
    userTask(Tasks.DECIDE_SCREENING_HIT, Map.of(Vars.HIT_DECISION, "CLEAR"));
    assertThat(instance).isWaitingAtElements("PrepareTermSheet");
  }

  @Test
  void screeningHitBlockedEndsTheDealAndStopsThePatentCheck() {
    start(true, 6);
    pursueAndValue(500_000);
    service(Jobs.SCREENING, Map.of(Vars.SCREENING_RESULT, "MATCH"));
    userTask(Tasks.DECIDE_SCREENING_HIT, Map.of(Vars.HIT_DECISION, "BLOCK"));
    closesAs("BLOCKED");
    assertThat(instance).hasPassedElement("Blocked").hasNotPassedElement("CheckPatentPosition")
        .hasNotPassedElement("PrepareTermSheet");
  }

  @Test
  void restrictedTechnologyNeedsApprovalBeforeNegotiationAndALicenceBeforeSignature() {
    start(true, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    service(Jobs.SCREENING, Map.of(Vars.SCREENING_RESULT, "LICENCE_REQUIRED", Vars.EXPORT_RESTRICTED, true));
    userTask(Tasks.DECIDE_SCREENING_HIT, Map.of(Vars.HIT_DECISION, "CLEAR"));
    assertThat(instance).isWaitingAtElements("ObtainExportApproval").hasNotPassedElement("PrepareTermSheet");
    userTask(Tasks.OBTAIN_EXPORT_APPROVAL, Map.of(Vars.EXPORT_APPROVAL, "GRANTED"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    userTask(Tasks.APPROVE_TERM_SHEET, Map.of(Vars.APPROVAL_DECISION, "APPROVE"));
    offerAndAnswer("ACCEPT", 0);
    assertThat(instance).isWaitingAtElements("ObtainExportLicence").isNotWaitingAtElements("AwaitSignature");
    userTask(Tasks.OBTAIN_EXPORT_LICENCE, Map.of(Vars.EXPORT_LICENCE, "GRANTED"));
    assertThat(instance).isWaitingAtElements("AwaitSignature");
  }

  @Test
  void refusedExportApprovalBlocksTheDeal() {
    start(true, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    service(Jobs.SCREENING, Map.of(Vars.SCREENING_RESULT, "LICENCE_REQUIRED", Vars.EXPORT_RESTRICTED, true));
    userTask(Tasks.DECIDE_SCREENING_HIT, Map.of(Vars.HIT_DECISION, "CLEAR"));
    userTask(Tasks.OBTAIN_EXPORT_APPROVAL, Map.of(Vars.EXPORT_APPROVAL, "REFUSED"));
    closesAs("BLOCKED");
    assertThat(instance).hasPassedElement("ExportRefused").hasNotPassedElement("PrepareTermSheet");
  }

  @Test
  void refusedExportLicenceBlocksTheDealBeforeSignature() {
    start(true, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    service(Jobs.SCREENING, Map.of(Vars.SCREENING_RESULT, "LICENCE_REQUIRED", Vars.EXPORT_RESTRICTED, true));
    userTask(Tasks.DECIDE_SCREENING_HIT, Map.of(Vars.HIT_DECISION, "CLEAR"));
    userTask(Tasks.OBTAIN_EXPORT_APPROVAL, Map.of(Vars.EXPORT_APPROVAL, "GRANTED"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    userTask(Tasks.APPROVE_TERM_SHEET, Map.of(Vars.APPROVAL_DECISION, "APPROVE"));
    offerAndAnswer("ACCEPT", 0);
    userTask(Tasks.OBTAIN_EXPORT_LICENCE, Map.of(Vars.EXPORT_LICENCE, "REFUSED"));
    closesAs("BLOCKED");
    assertThat(instance).hasPassedElement("LicenceRefused").hasNotPassedElement("AwaitSignature");
  }

  @Test
  void unclearOwnershipGoesToAManagerWhoConfirmsIt() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT", Vars.OWNERSHIP_CLEAR, false));
    assertThat(instance).isWaitingAtElements("ReviewOwnership");
    userTask(Tasks.REVIEW_OWNERSHIP, Map.of(Vars.OWNERSHIP_DECISION, "CONFIRMED"));
    assertThat(instance).isWaitingAtElements("PrepareTermSheet");
  }

  @Test
  void unresolvedOwnershipEndsTheDealAndStopsTheScreening() {
    start(true, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT", Vars.OWNERSHIP_CLEAR, false));
    userTask(Tasks.REVIEW_OWNERSHIP, Map.of(Vars.OWNERSHIP_DECISION, "UNRESOLVED"));
    closesAs("NOT_PURSUED");
    assertThat(instance).hasPassedElement("OwnershipNotSettled").hasNotPassedElement("PrepareTermSheet");
    assertThat(terminated("ScreenExportControl")).isEqualTo(1);
  }

  @Test
  void managerRejectsTermSheetThenApprovesTheRevision() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("EXCLUSIVE_LICENCE", 50_000, 3);
    userTask(Tasks.APPROVE_TERM_SHEET, Map.of(Vars.APPROVAL_DECISION, "REJECT"));
    termSheet("EXCLUSIVE_LICENCE", 80_000, 4);
    userTask(Tasks.APPROVE_TERM_SHEET, Map.of(Vars.APPROVAL_DECISION, "APPROVE"));
    assertThat(instance).hasPassedElement("PrepareTermSheet", 2).isWaitingAtElements("SendOffer");
  }

  @Test
  void approvalRulesFollowTheDecisionTable() {
    assertThat(approvalNeeded("ASSIGNMENT", 0.0, 3, false)).isTrue();
    assertThat(approvalNeeded("EQUITY", 0.0, 3, false)).isTrue();
    assertThat(approvalNeeded("EXCLUSIVE_LICENCE", 0.0, 3, false)).isTrue();
    assertThat(approvalNeeded("NON_EXCLUSIVE_LICENCE", 0.0, 3, true)).isTrue();
    assertThat(approvalNeeded("NON_EXCLUSIVE_LICENCE", 250_000.0, 3, false)).isTrue();
    assertThat(approvalNeeded("NON_EXCLUSIVE_LICENCE", 0.0, 1.5, false)).isTrue();
    assertThat(approvalNeeded("NON_EXCLUSIVE_LICENCE", null, 3, false)).as("no rate to USD").isTrue();
    assertThat(approvalNeeded("NON_EXCLUSIVE_LICENCE", 249_999.0, 2, false)).isFalse();
    assertThat(approvalNeeded("OPTION", 0.0, 3, false)).isFalse();
  }

  @Test
  void reviewRulesFollowTheDecisionTable() {
    assertThat(reviewNeeded(1_000_000.0, 6)).isTrue();
    assertThat(reviewNeeded(999_999.0, 6)).isFalse();
    assertThat(reviewNeeded(10.0, 3)).isTrue();
    assertThat(reviewNeeded(10.0, 4)).isFalse();
    assertThat(reviewNeeded(null, 6)).as("no rate to USD").isTrue();
  }

  @Test
  void counterOfferLoopsBackToTheTermSheet() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    offerAndAnswer("COUNTER_OFFER", 1);
    assertThat(instance).isWaitingAtElements("PrepareTermSheet");
    termSheet("NON_EXCLUSIVE_LICENCE", 15_000, 3);
    offerAndAnswer("ACCEPT", 1);
    assertThat(instance).hasPassedElement("SendOffer", 2).isWaitingAtElements("AwaitSignature");
  }

  @Test
  void negotiationEndsWhenTheRoundsAreUsedUp() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    offerAndAnswer("COUNTER_OFFER", 1);
    termSheet("NON_EXCLUSIVE_LICENCE", 18_000, 3);
    offerAndAnswer("COUNTER_OFFER", 2);
    closesAs("NO_AGREEMENT");
    assertThat(instance).hasPassedElement("PrepareTermSheet", 2);
  }

  @Test
  void declinedOfferEndsTheDeal() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    offerAndAnswer("DECLINE", 0);
    closesAs("DECLINED");
  }

  @Test
  void silenceBringsRemindersAndThenLapses() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    service(Jobs.SEND_OFFER, Map.of(Vars.REMINDER_COUNT, 0));
    for (int n = 1; n <= 2; n++) {
      advance(Duration.ofDays(8));
      service(Jobs.SEND_REMINDER, Map.of(Vars.REMINDER_COUNT, n));
    }
    advance(Duration.ofDays(8));
    closesAs("LAPSED");
    assertThat(instance).hasPassedElement("SendReminder", 2).hasPassedElement("ReminderDue", 3);
  }

  @Test
  void answerAfterAReminderIsStillTaken() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    service(Jobs.SEND_OFFER, Map.of(Vars.REMINDER_COUNT, 0));
    advance(Duration.ofDays(8));
    service(Jobs.SEND_REMINDER, Map.of(Vars.REMINDER_COUNT, 1));
    answer("ACCEPT", 0);
    assertThat(instance).isWaitingAtElements("AwaitSignature");
  }

  @Test
  void overduePaymentGivesTheBrokerAChaseTaskThatEndsWhenPaid() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    offerAndAnswer("ACCEPT", 0);
    signAndSchedule(List.of("UPFRONT", "M1"), 10);
    advance(Duration.ofDays(11));
    List<ActivatedJob> chases = activeUserTasks();
    assertThat(chases).extracting(ActivatedJob::getElementId).containsExactly("ChasePayment", "ChasePayment");
    userTask(Tasks.CHASE_PAYMENT, Map.of());
    pay("UPFRONT");
    pay("M1");
    closesAs("COMPLETED");
    assertThat(instance).hasPassedElement("ChasePayment", 1).hasPassedElement("PaymentChased", 1)
        .hasPassedElement("MilestonePaid", 2);
  }

  @Test
  void royaltyReportsRunUntilTheLastPeriodAndOnlyAmountsDueAreAwaited() {
    licensedAndSigned(List.of("UPFRONT"), List.of("R1", "R2", "R3"), 60);
    assertThat(instance).isWaitingAtElements("AwaitPayment", "AwaitRoyaltyReport");
    pay("UPFRONT");
    report("R1", 30);
    report("R2", null);
    report("R3", 30);
    // Each period keeps its own payment: R3's report did not overwrite R1's.
    pay("R3");
    pay("R1");
    closesAs("COMPLETED");
    assertThat(instance).hasPassedElement("ReportReceived", 3).hasPassedElement("NothingDue", 1)
        .hasPassedElement("RoyaltyPaid", 2).hasPassedElement("SplitRoyalty", 2).hasPassedElement("MilestonePaid", 1)
        .hasNotPassedElement("ChaseRoyaltyReport");
  }

  @Test
  void theDealStaysOpenWhileAPeriodIsUnreported() {
    licensedAndSigned(List.of(), List.of("R1", "R2"), 60);
    report("R1", null);
    assertThat(instance).isActive().isWaitingAtElements("AwaitRoyaltyReport").hasNotPassedElement("ContractJoin");
    report("R2", null);
    closesAs("COMPLETED");
  }

  @Test
  void lateReportAndLateRoyaltyRaiseChaseTasksThatEndWhenTheyArrive() {
    licensedAndSigned(List.of(), List.of("R1"), 10);
    advance(Duration.ofDays(11));
    ActivatedJob chase = activeUserTasks().getFirst();
    assertThat(chase.getElementId()).isEqualTo(Tasks.CHASE_ROYALTY_REPORT);
    assertThat(((Map<?, ?>) chase.getVariablesAsMap().get(Vars.PERIOD)).get("id")).isEqualTo("R1");
    // The report arrives with the royalty already past due: its chase task follows at once.
    report("R1", -1);
    assertThat(terminated("ChaseRoyaltyReport")).isEqualTo(1);
    assertThat(activeUserTasks()).extracting(ActivatedJob::getElementId).containsExactly(Tasks.CHASE_ROYALTY_PAYMENT);
    pay("R1");
    assertThat(terminated("ChaseRoyaltyPayment")).isEqualTo(1);
    closesAs("COMPLETED");
  }

  @Test
  void eachOverdueDocketDateRaisesItsOwnTaskWhileTheDealRuns() {
    start(false, 6);
    publish(Messages.DOCKET_DATE_OVERDUE, dealId, Map.of(Vars.DOCKET_ITEM, Map.of("id", "PRIORITY_YEAR")));
    publish(Messages.DOCKET_DATE_OVERDUE, dealId, Map.of(Vars.DOCKET_ITEM, Map.of("id", "EP:NATIONAL_PHASE")));
    List<ActivatedJob> open = activeUserTasks();
    assertThat(open).filteredOn(j -> j.getElementId().equals(Tasks.ATTEND_DOCKET_DATE))
        .extracting(j -> String.valueOf(((Map<?, ?>) j.getVariablesAsMap().get(Vars.DOCKET_ITEM)).get("id")))
        .containsExactlyInAnyOrder("PRIORITY_YEAR", "EP:NATIONAL_PHASE");
    userTask(Tasks.ATTEND_DOCKET_DATE, Map.of());
    assertThat(instance).hasPassedElement("DocketDateAttended", 1).isWaitingAtElements("ScreenDisclosure");
    userTask(Tasks.SCREEN_DISCLOSURE, Map.of(Vars.SCREENING_DECISION, "NOT_PURSUE"));
    closesAs("NOT_PURSUED");
    assertThat(terminated("AttendDocketDate")).isEqualTo(1);
  }

  @Test
  void withdrawalDuringScreeningEndsTheDealAndItsTask() {
    start(false, 6);
    withdraw();
    closesAs("WITHDRAWN");
    assertThat(terminated("ScreenDisclosure")).isEqualTo(1);
  }

  @Test
  void withdrawalDuringIpCheckStopsBothBranches() {
    start(true, 6);
    pursueAndValue(500_000);
    withdraw();
    closesAs("WITHDRAWN");
    assertThat(terminated("CheckPatentPosition")).isEqualTo(1);
    assertThat(terminated("ScreenExportControl")).isEqualTo(1);
  }

  @Test
  void withdrawalWhileAwaitingTheAnswer() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    service(Jobs.SEND_OFFER, Map.of(Vars.REMINDER_COUNT, 0));
    withdraw();
    closesAs("WITHDRAWN");
    assertThat(instance).hasNotPassedElement("CounterpartyResponded");
  }

  @Test
  void withdrawalDuringContractExecutionEndsOpenPayments() {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    offerAndAnswer("ACCEPT", 0);
    signAndSchedule(List.of("UPFRONT", "M1"), 30);
    pay("UPFRONT");
    withdraw();
    closesAs("WITHDRAWN");
    assertThat(instance).hasPassedElement("SplitRevenue", 1);
    assertThat(terminated("AwaitPayment")).isEqualTo(1);
  }

  // ---- steps ----

  private void pursueAndValue(int value) {
    userTask(Tasks.SCREEN_DISCLOSURE, Map.of(Vars.SCREENING_DECISION, "PURSUE"));
    value(value);
  }

  /** The valuation worker, then the listener that records the review decision. */
  private void value(int value) {
    service(Jobs.VALUATION, Map.of(Vars.VALUATION_VALUE, value, Vars.VALUATION_VALUE_USD, value));
    decisionRecorded("DecideValuationReview", "managerReviewRequired");
  }

  private void termSheet(String form, int upfront, double royalty) {
    userTask(Tasks.PREPARE_TERM_SHEET, Map.of(Vars.DEAL_FORM, form, Vars.UPFRONT_FEE, upfront, Vars.UPFRONT_FEE_USD, upfront,
        Vars.ROYALTY_RATE, royalty));
    decisionRecorded("DecideTermSheetApproval", "approvalRequired");
  }

  /** The decision's end listener sees the decision's result before the gateway reads it. */
  private void decisionRecorded(String elementId, String resultVariable) {
    ActivatedJob job = activate(Jobs.DECISION_RECORD).getFirst();
    assertThat(job.getElementId()).isEqualTo(elementId);
    assertThat(job.getVariablesAsMap()).containsKey(resultVariable);
    client.newCompleteCommand(job.getKey()).send().join();
    idle();
  }

  private void offerAndAnswer(String response, int round) {
    service(Jobs.SEND_OFFER, Map.of(Vars.REMINDER_COUNT, 0));
    answer(response, round);
  }

  private void answer(String response, int round) {
    publish(Messages.COUNTERPARTY_RESPONSE, dealId,
        Map.of(Vars.COUNTERPARTY_RESPONSE, response, Vars.NEGOTIATION_ROUND, round));
  }

  private void signAndSchedule(List<String> milestones, int dueInDays) {
    signAndSchedule(milestones, dueInDays, List.of(), 0);
  }

  /** Signature, then the activation worker's payments and royalty reporting periods. */
  private void signAndSchedule(List<String> milestones, int dueInDays, List<String> periods, int reportDueInDays) {
    publish(Messages.CONTRACT_SIGNED, dealId, Map.of("signedOn", "2026-11-22"));
    String dueAt = Instant.now().plus(Duration.ofDays(dueInDays)).toString();
    List<Map<String, Object>> schedule = new ArrayList<>();
    milestones.forEach(m -> schedule.add(Map.of("id", m, "dueAt", dueAt)));
    String reportDueAt = Instant.now().plus(Duration.ofDays(reportDueInDays)).toString();
    List<Map<String, Object>> reporting = new ArrayList<>();
    periods.forEach(p -> reporting.add(Map.of("id", p, "reportDueAt", reportDueAt)));
    service(Jobs.ACTIVATE_CONTRACT, Map.of(Vars.MILESTONES, schedule, Vars.ROYALTY_PERIODS, reporting));
  }

  /** A royalty report arrives; the worker then returns the payment it made due, or none. */
  private void report(String period, Integer paymentDueInDays) {
    publish(Messages.ROYALTY_REPORT, Messages.periodKey(dealId, period), Map.of());
    ActivatedJob due = activate(Jobs.ROYALTY_DUE).getFirst();
    assertThat(((Map<?, ?>) due.getVariablesAsMap().get(Vars.PERIOD)).get("id")).isEqualTo(period);
    Map<String, Object> vars = new HashMap<>();
    vars.put(Vars.MILESTONE, paymentDueInDays == null ? null
        : Map.of("id", period, "dueAt", Instant.now().plus(Duration.ofDays(paymentDueInDays)).toString()));
    client.newCompleteCommand(due.getKey()).variables(vars).send().join();
    idle();
  }

  private void licensedAndSigned(List<String> milestones, List<String> periods, int reportDueInDays) {
    start(false, 6);
    pursueAndValue(500_000);
    service(Jobs.PATENT_CHECK, Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT"));
    termSheet("NON_EXCLUSIVE_LICENCE", 20_000, 3);
    offerAndAnswer("ACCEPT", 0);
    signAndSchedule(milestones, 30, periods, reportDueInDays);
  }

  private void pay(String milestone) {
    publish(Messages.PAYMENT_RECEIVED, Messages.paymentKey(dealId, milestone), Map.of());
    ActivatedJob split = activate(Jobs.SPLIT_REVENUE).getFirst();
    assertThat(((Map<?, ?>) split.getVariablesAsMap().get(Vars.MILESTONE)).get("id")).isEqualTo(milestone);
    client.newCompleteCommand(split.getKey()).send().join();
    idle();
  }

  private void withdraw() {
    publish(Messages.WITHDRAWN, dealId, Map.of());
  }

  private void closesAs(String outcome) {
    ActivatedJob close = activate(Jobs.CLOSE).getFirst();
    assertThat(close.getCustomHeaders()).containsEntry(DealProcess.Headers.OUTCOME, outcome);
    client.newCompleteCommand(close.getKey()).send().join();
    idle();
    assertThat(instance).isCompleted();
  }

  private void publish(String name, String key, Map<String, Object> vars) {
    client.newPublishMessageCommand().messageName(name).correlationKey(key).variables(vars).send().join();
    idle();
  }

  private void service(String type, Map<String, Object> result) {
    ActivatedJob job = activate(type).getFirst();
    assertThat(job.getVariablesAsMap()).containsEntry(Vars.DEAL_ID, dealId);
    client.newCompleteCommand(job.getKey()).variables(result).send().join();
    idle();
  }

  /** Completes the one open user task of that type; any other open user task is handed back. */
  private void userTask(String elementId, Map<String, Object> result) {
    List<ActivatedJob> open = activeUserTasks();
    ActivatedJob task = open.stream().filter(j -> j.getElementId().equals(elementId)).findFirst()
        .orElseThrow(() -> new AssertionError("no open task " + elementId + " among " + open.stream()
            .map(ActivatedJob::getElementId).toList()));
    assertThat(task.getCustomHeaders().get(DealProcess.Headers.CANDIDATE_GROUPS)).contains(":SHA");
    assertThat(task.getCustomHeaders()).containsKey(DealProcess.Headers.DUE_DATE);
    client.newCompleteCommand(task.getKey()).variables(result).send().join();
    idle();
  }

  private List<ActivatedJob> activeUserTasks() {
    List<ActivatedJob> open = activate(Jobs.USER_TASK);
    open.forEach(j -> client.newFailCommand(j.getKey()).retries(j.getRetries()).send().join());
    idle();
    return open;
  }

  private List<ActivatedJob> activate(String type) {
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10)
        .send().join().getJobs().stream()
        .filter(j -> j.getProcessInstanceKey() == instance.getProcessInstanceKey()).toList();
    assertThat(jobs).as("open jobs of type " + type).isNotEmpty();
    return jobs;
  }

  /** How often an element of this instance was cancelled (terminated) rather than completed. */
  private long terminated(String elementId) {
    return StreamSupport.stream(BpmnAssert.getRecordStream().processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == instance.getProcessInstanceKey())
        .filter(r -> r.getValue().getElementId().equals(elementId))
        .count();
  }

  private void advance(Duration d) {
    engine.increaseTime(d);
    idle();
  }

  private void idle() {
    TestDeals.idle(engine);
  }

  private boolean approvalNeeded(String form, Double upfrontUsd, double royalty, boolean crossBorder) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Vars.DEAL_FORM, form);
    vars.put(Vars.UPFRONT_FEE_USD, upfrontUsd);
    vars.put(Vars.ROYALTY_RATE, royalty);
    vars.put(Vars.CROSS_BORDER, crossBorder);
    return client.newEvaluateDecisionCommand().decisionId("term-sheet-approval").variables(vars)
        .send().join().getDecisionOutput().equals("true");
  }

  private boolean reviewNeeded(Double valueUsd, int trl) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Vars.VALUATION_VALUE_USD, valueUsd);
    vars.put(Vars.TRL, trl);
    vars.put(Vars.EXPORT_RESTRICTED, false);
    return client.newEvaluateDecisionCommand().decisionId("valuation-review").variables(vars)
        .send().join().getDecisionOutput().equals("true");
  }
}
