package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Whole deals through the REST API, with every worker real and the case store checked. */
class DealFlowIT extends ApiTest {

  @Test
  void theDealsRunOnTheEngineThisRunIsMeantFor() throws Exception {
    var answer = raw("admin", "GET", "/actuator/health", null, null);
    String version = json.readTree(answer.body()).path("components").path("engine").path("details")
        .path("gatewayVersion").asText();
    // -Pstandalone-engine runs these tests on Zeebe 8.6.0's broker; otherwise the 8.8 in-memory engine answers.
    if (io.ttdesk.local.StandaloneBroker.forTests()) {
      assertThat(version).startsWith("8.6.");
    } else {
      assertThat(version).isNotEmpty().doesNotStartWith("8.6.");
    }
  }

  @Test
  void crossBorderDealRunsFromDisclosureToSplitPayments() {
    Reply created = post("broker", "/api/v1/deals", disclosure("SHA", "CN", "US", "Sunrise Photovoltaics Inc."))
        .expect(201);
    String id = created.body().get("id").asText();
    assertThat(created.location()).endsWith("/api/v1/deals/" + id);
    assertThat(created.body().get("reference").asText()).matches("SHA-\\d{4}-\\d{4}");

    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE", "comment", "fits demand from US makers"));
    complete("broker", id, "PrepareTermSheet", Map.of("dealForm", "EXCLUSIVE_LICENCE", "currency", "USD",
        "upfrontFee", "50000.00", "royaltyRate", 4, "fieldOfUse", "Rooftop PV", "territory", "US",
        "termYears", 1, "reportingPeriod", "ANNUAL",
        "milestones", java.util.List.of(Map.of("name", "Regulatory approval", "amount", "100000.00",
            "dueDate", LocalDate.now().plusYears(1).toString()))));
    complete("manager", id, "ApproveTermSheet", Map.of("decision", "APPROVE"));
    awaitStage(id, "NEGOTIATION");
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/signature",
        Map.of("signedOn", LocalDate.now().minusYears(1).toString(), "signedBy", "Sunrise CEO")).expect(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> deal(id).get("schedule").size() == 2);
    // Signed a year ago for a one-year term: the only royalty period has just ended.
    JsonNode report = post("broker", "/api/v1/deals/" + id + "/royalty-reports", Map.of("period", "R1",
        "netSales", "1000000.00", "currency", "USD", "reportedOn", LocalDate.now().toString())).expect(201).body();
    assertThat(report.get("due").decimalValue()).isEqualByComparingTo("40000.00");

    // The upfront fee fell due eleven months ago, so its chase task opens at activation. Paid before
    // that task is stored, the task can still open after the split and leave events after
    // DEAL_CLOSED: the fee is paid once the task is there, and its split withdraws it.
    awaitTask("broker", id, "ChasePayment");
    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "UPFRONT", "amount", "50000.00",
        "currency", "USD", "receivedOn", LocalDate.now().toString())).expect(201);
    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "M1", "amount", "100000.01",
        "currency", "USD", "receivedOn", LocalDate.now().toString())).expect(201);
    // Both paid and split, yet the deal runs on: the reported royalty is still awaited.
    await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(
        get("auditor", "/api/v1/deals/" + id + "/ledger").body().spliterator(), false)
        .filter(p -> !p.get("lines").isEmpty()).count() == 2);
    assertThat(deal(id).get("stage").asText()).isEqualTo("EXECUTION");
    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "R1", "amount", "40000.00",
        "currency", "USD", "receivedOn", LocalDate.now().toString())).expect(201);
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(deal(id).get("stage").asText()));

    JsonNode d = deal(id);
    assertThat(d.get("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(d.get("crossBorder").asBoolean()).isTrue();
    assertThat(d.get("valuations").get(0).get("method").asText()).isEqualTo("RELIEF_FROM_ROYALTY");
    assertThat(d.get("ipChecks")).extracting(c -> c.get("kind").asText()).containsExactlyInAnyOrder("PATENT", "SCREENING");
    JsonNode screening = check(d, "SCREENING");
    assertThat(screening.get("result").asText()).isEqualTo("CLEAR");
    assertThat(screening.get("listVersion").asText()).isEqualTo("DEMO-2026-11");

    JsonNode ledger = get("auditor", "/api/v1/deals/" + id + "/ledger").expect(200).body();
    assertThat(ledger).hasSize(3);
    for (JsonNode payment : ledger) {
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode line : payment.get("lines")) {
        sum = sum.add(line.get("amount").decimalValue());
      }
      assertThat(sum).isEqualByComparingTo(payment.get("amount").decimalValue());
      assertThat(payment.get("policy").asText()).isEqualTo("STANFORD_CLASSIC v1");
    }
    JsonNode upfront = payment(ledger, "UPFRONT");
    assertThat(upfront.get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("7500.00");
    assertThat(upfront.get("lines").get(1).get("kind").asText()).isEqualTo("PATENT_COSTS");
    assertThat(upfront.get("lines").get(1).get("amount").decimalValue()).isEqualByComparingTo("12000.00");
    // Patent costs are reimbursed once: the second payment has no such line.
    assertThat(payment(ledger, "M1").get("lines")).extracting(l -> l.get("kind").asText()).doesNotContain("PATENT_COSTS");

    assertThat(historyTypes(id)).containsSubsequence("DEAL_DISCLOSED", "TASK_CREATED", "TASK_COMPLETED",
        "VALUATION_COMPUTED", "TERM_SHEET_PROPOSED", "OFFER_SENT", "COUNTERPARTY_RESPONDED", "CONTRACT_SIGNED",
        "CONTRACT_ACTIVATED", "ROYALTY_REPORTED", "PAYMENT_RECEIVED", "PAYMENT_SPLIT", "DEAL_CLOSED");
    assertThat(historyTypes(id)).contains("SCREENING_DONE", "PATENT_POSITION_CHECKED");
    JsonNode approval = StreamSupport.stream(get("auditor", "/api/v1/deals/" + id + "/history").body().spliterator(), false)
        .filter(e -> e.get("type").asText().equals("DECISION_EVALUATED"))
        .filter(e -> e.get("data").get("decision").asText().equals("term-sheet-approval")).findFirst().orElseThrow();
    assertThat(approval.get("data").get("approvalRequired").asBoolean()).isTrue();
    assertThat(approval.get("data").get("inputs").get("dealForm").asText()).isEqualTo("EXCLUSIVE_LICENCE");
    JsonNode closed = last(get("auditor", "/api/v1/deals/" + id + "/history").body());
    assertThat(closed.get("actor").asText()).isEqualTo("worker:deal-close");
    assertThat(closed.get("data").get("outcome").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void screeningMatchBlockedByAManagerEndsTheDeal() {
    String id = disclose(disclosure("SHA", "CN", "US", "Voltaic Storage, Inc."));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    long hit = awaitTask("manager", id, "DecideScreeningHit");
    post("manager", "/api/v1/tasks/" + hit + "/complete", Map.of("decision", "BLOCK")).expect(400).problemOn("reason");
    post("manager", "/api/v1/tasks/" + hit + "/complete",
        Map.of("decision", "BLOCK", "reason", "Listed party, same address")).expect(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(deal(id).get("stage").asText()));

    JsonNode d = deal(id);
    assertThat(d.get("outcome").asText()).isEqualTo("BLOCKED");
    JsonNode screening = check(d, "SCREENING");
    assertThat(screening.get("result").asText()).isEqualTo("MATCH");
    assertThat(screening.get("score").decimalValue()).isEqualByComparingTo("1.0000");
    assertThat(screening.get("evidence").get("hits").get(0).get("listed").asText()).isEqualTo("Voltaic Storage Inc.");
    assertThat(historyTypes(id)).contains("SCREENING_DONE", "DEAL_CLOSED").doesNotContain("TERM_SHEET_PROPOSED");
    assertThat(get("broker", "/api/v1/tasks?dealId=" + id).body()).isEmpty();
    assertThat(d.get("tasks")).extracting(t -> t.get("state").asText()).doesNotContain("OPEN");
  }

  @Test
  void aForeignLicenseeMakesTheDealCrossBorderAndScreened() {
    Map<String, Object> domesticMarket = new java.util.HashMap<>(disclosure("SHA", "CN", "CN", null));
    domesticMarket.put("licensee", Map.of("name", "Orion Dual-Use Technologies", "country", "RU"));
    String id = disclose(domesticMarket);
    assertThat(deal(id).get("crossBorder").asBoolean()).isTrue();
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    long hit = awaitTask("manager", id, "DecideScreeningHit");
    JsonNode screening = check(deal(id), "SCREENING");
    assertThat(screening.get("result").asText()).isEqualTo("MATCH");
    assertThat(screening.get("evidence").get("licenceCountries").get(0).asText()).isEqualTo("RU");
    post("manager", "/api/v1/tasks/" + hit + "/complete", Map.of("decision", "CLEAR", "reason", "Different entity"))
        .expect(200);
    // Cleared, but the licensee's country is under export controls: the authority must approve first.
    assertThat(check(deal(id), "SCREENING").get("evidence").get("exportRestricted").asBoolean()).isTrue();
    complete("manager", id, "ObtainExportApproval", Map.of("decision", "GRANTED", "reference", "EXP-2026-7"));
    awaitTask("broker", id, "PrepareTermSheet");
  }

  @Test
  void withdrawalEndsTheDealAndWithdrawsItsOpenTask() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");
    post("broker", "/api/v1/deals/" + id + "/withdrawal", Map.of("reason", "Inventor left")).expect(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(deal(id).get("stage").asText()));
    assertThat(deal(id).get("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(get("broker", "/api/v1/tasks/" + task).expect(200).body().get("state").asText()).isEqualTo("WITHDRAWN");
    post("broker", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "PURSUE")).expect(409).problemOn("state");
    assertThat(historyTypes(id)).containsSubsequence("WITHDRAWAL_REQUESTED", "DEAL_CLOSED", "TASK_WITHDRAWN");
  }

  @Test
  void notPursuedNeedsAReasonAndEndsTheDeal() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");
    post("broker", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "NOT_PURSUE")).expect(400).problemOn("comment");
    assertThat(get("broker", "/api/v1/tasks/" + task).body().get("state").asText()).isEqualTo("OPEN");
    post("broker", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "NOT_PURSUE", "comment", "No market"))
        .expect(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> "NOT_PURSUED".equals(deal(id).path("outcome").asText()));
  }

  private static JsonNode check(JsonNode deal, String kind) {
    return StreamSupport.stream(deal.get("ipChecks").spliterator(), false)
        .filter(c -> c.get("kind").asText().equals(kind)).findFirst().orElseThrow();
  }

  private static JsonNode payment(JsonNode ledger, String milestone) {
    return StreamSupport.stream(ledger.spliterator(), false)
        .filter(p -> p.get("milestone").asText().equals(milestone)).findFirst().orElseThrow();
  }

  private static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }
}
