package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * For every endpoint: good input, bad input (400 naming the field, nothing stored), the wrong
 * role (403), another centre's ids (404, no leak), and the wrong stage (409).
 */
class EndpointRulesIT extends ApiTest {

  // ---- POST /api/v1/deals ----

  @Test
  void disclosureIsRefusedWithTheFieldAndReasonAndNothingIsStored() {
    int before = get("manager", "/api/v1/deals").body().size();

    Map<String, Object> shares = new HashMap<>(disclosure("SHA", "CN", "US", null));
    shares.put("inventors", List.of(Map.of("name", "A", "share", 60), Map.of("name", "B", "share", 30)));
    Reply r = post("broker", "/api/v1/deals", shares).expect(400).problemOn("inventors");
    assertThat(r.body().get("detail").asText()).contains("100").contains("90");
    assertThat(r.body().get("type").asText()).endsWith("/invalid-input");

    Map<String, Object> missing = new HashMap<>(disclosure("SHA", "CN", "US", null));
    missing.remove("title");
    missing.put("technologyReadinessLevel", 12);
    post("broker", "/api/v1/deals", missing).expect(400).problemOn("title").problemOn("technologyReadinessLevel");

    Map<String, Object> malformed = new HashMap<>(disclosure("SHA", "CN", "US", null));
    malformed.put("valuation", Map.of("currency", "USD", "projectedRevenue", List.of("lots"), "royaltyRate", 3,
        "taxRate", 25, "discountRate", 15));
    post("broker", "/api/v1/deals", malformed).expect(400).problemOn("valuation.projectedRevenue[0]");

    Map<String, Object> negative = new HashMap<>(disclosure("SHA", "CN", "US", null));
    negative.put("patentCosts", -5);
    post("broker", "/api/v1/deals", negative).expect(400).problemOn("patentCosts");

    Map<String, Object> currency = new HashMap<>(disclosure("SHA", "CN", "US", null));
    currency.put("valuation", Map.of("currency", "XYZ", "projectedRevenue", List.of(1), "royaltyRate", 3,
        "taxRate", 25, "discountRate", 15));
    post("broker", "/api/v1/deals", currency).expect(400).problemOn("valuation.currency");

    post("broker", "/api/v1/deals", disclosure("BER", "DE", "DE", null)).expect(400).problemOn("centre");
    post("broker", "/api/v1/deals", disclosure("NOPE", "DE", "DE", null)).expect(400).problemOn("centre");
    call("broker", "POST", "/api/v1/deals", "{not json").expect(400);

    assertThat(get("manager", "/api/v1/deals").body().size()).isEqualTo(before);
  }

  @Test
  void onlyBrokersAndManagersDiscloseAndEverybodyMustSignIn() {
    post("auditor", "/api/v1/deals", disclosure("SHA", "CN", "US", null)).expect(403);
    post("admin", "/api/v1/deals", disclosure("SHA", "CN", "US", null)).expect(403);
    post(null, "/api/v1/deals", disclosure("SHA", "CN", "US", null)).expect(401);
    assertThat(call("broker", "GET", "/api/v1/deals", null).status()).isEqualTo(200);
    wrongPasswordIsRefused();
  }

  private void wrongPasswordIsRefused() {
    Reply r = org.springframework.web.client.RestClient.create("http://localhost:" + port).get().uri("/api/v1/deals")
        .headers(h -> h.setBasicAuth("broker", "wrong"))
        .exchange((req, res) -> new Reply(res.getStatusCode().value(), json.nullNode(), null));
    assertThat(r.status()).isEqualTo(401);
  }

  // ---- GET /api/v1/deals, /{id}, /{id}/history ----

  @Test
  void dealsAreScopedToTheCentresOfTheCaller() {
    String id = disclose(disclosure("SHA", "CN", "US", null));
    assertThat(get("broker", "/api/v1/deals").body()).extracting(d -> d.get("id").asText()).contains(id);
    assertThat(get("berlin", "/api/v1/deals").body()).extracting(d -> d.get("centre").asText()).doesNotContain("SHA");
    assertThat(get("broker", "/api/v1/deals?centre=BER").body()).isEmpty();
    assertThat(get("broker", "/api/v1/deals?stage=SCREENING&status=OPEN").expect(200).body())
        .allSatisfy(d -> assertThat(d.get("stage").asText()).isEqualTo("SCREENING"));
    get("broker", "/api/v1/deals?stage=SOMEWHERE").expect(400).problemOn("stage");

    assertThat(get("broker", "/api/v1/deals/" + id).expect(200).body().get("inventors")).hasSize(2);
    Reply hidden = get("berlin", "/api/v1/deals/" + id).expect(404);
    assertThat(hidden.body().toString()).doesNotContain("Perovskite");
    get("broker", "/api/v1/deals/00000000-0000-0000-0000-000000000000").expect(404);

    assertThat(get("auditor", "/api/v1/deals/" + id + "/history").expect(200).body().get(0).get("type").asText())
        .isEqualTo("DEAL_DISCLOSED");
    get("berlin", "/api/v1/deals/" + id + "/history").expect(404);
    get(null, "/api/v1/deals/" + id + "/history").expect(401);
  }

  // ---- tasks ----

  @Test
  void theTaskListAnswersOnePageWithTheViewsTotal() {
    // Other classes may leave Berlin tasks open, so the total alone does not tell that these three
    // are in: wait for each deal's own task, then compare everything with the total seen after that.
    List<Long> opened = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = post("berlin", "/api/v1/deals", disclosure("BER", "DE", "DE", null)).expect(201).body()
          .get("id").asText();
      opened.add(awaitTask("berlin", id, "ScreenDisclosure"));
    }
    Reply all = get("berlin", "/api/v1/tasks?size=500").expect(200);
    int total = Integer.parseInt(all.total());
    assertThat(all.body()).hasSize(total);
    assertThat(all.body()).extracting(t -> t.get("id").asLong()).containsAll(opened);
    assertThat(all.body()).extracting(t -> t.get("centre").asText()).containsOnly("BER");
    List<Long> pages = new java.util.ArrayList<>();
    for (int page = 0; page * 2 < total; page++) {
      Reply one = get("berlin", "/api/v1/tasks?size=2&page=" + page).expect(200);
      assertThat(one.total()).isEqualTo(all.total());
      one.body().forEach(t -> pages.add(t.get("id").asLong()));
    }
    // Due order, page by page, is the order of the whole list.
    assertThat(pages).isEqualTo(StreamSupport.stream(all.body().spliterator(), false).map(t -> t.get("id").asLong()).toList());
    List<String> created = StreamSupport.stream(get("berlin", "/api/v1/tasks?sort=CREATED&size=500").body().spliterator(),
        false).map(t -> t.get("createdAt").asText()).toList();
    assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(get("berlin", "/api/v1/tasks?filter=MINE").total()).isEqualTo("0");

    get("berlin", "/api/v1/tasks?size=0").expect(400).problemOn("size");
    get("berlin", "/api/v1/tasks?size=501").expect(400).problemOn("size");
    get("berlin", "/api/v1/tasks?page=-1").expect(400).problemOn("page");
    get("berlin", "/api/v1/tasks?filter=SOON").expect(400).problemOn("filter");
    get("berlin", "/api/v1/tasks?sort=RANDOM").expect(400).problemOn("sort");
    get("auditor", "/api/v1/tasks?size=2").expect(403);
  }

  @Test
  void tasksAreClaimedAndCompletedOnlyByThoseTheyBelongTo() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");

    get("auditor", "/api/v1/tasks").expect(403);
    assertThat(get("berlin", "/api/v1/tasks").body()).extracting(t -> t.get("id").asLong()).doesNotContain(task);
    post("berlin", "/api/v1/tasks/" + task + "/claim", null).expect(404);
    post("manager", "/api/v1/tasks/" + task + "/claim", null).expect(403);
    post("broker", "/api/v1/tasks/9999999/claim", null).expect(404);

    assertThat(post("broker", "/api/v1/tasks/" + task + "/claim", null).expect(200).body().get("assignee").asText())
        .isEqualTo("broker");
    assertThat(get("broker", "/api/v1/tasks?filter=MINE").body()).extracting(t -> t.get("id").asLong()).contains(task);
    assertThat(get("broker2", "/api/v1/tasks?filter=UNASSIGNED").body()).extracting(t -> t.get("id").asLong())
        .doesNotContain(task);
    post("broker2", "/api/v1/tasks/" + task + "/claim", null).expect(409).problemOn("assignee");
    post("broker2", "/api/v1/tasks/" + task + "/unclaim", null).expect(403);
    post("broker2", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "PURSUE")).expect(403);

    post("broker", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "MAYBE")).expect(400).problemOn("decision");
    post("broker", "/api/v1/tasks/" + task + "/complete", Map.of()).expect(400).problemOn("decision");
    assertThat(get("broker", "/api/v1/tasks/" + task).body().get("state").asText()).isEqualTo("OPEN");
    assertThat(historyTypes(id)).doesNotContain("TASK_COMPLETED");

    assertThat(post("broker", "/api/v1/tasks/" + task + "/unclaim", null).expect(200).body().has("assignee")).isFalse();
    JsonNode done = post("broker2", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "PURSUE")).expect(200).body();
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("endedBy").asText()).isEqualTo("broker2");
    post("broker2", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "PURSUE")).expect(409);
  }

  @Test
  void managerTasksNeedAManagerOfTheCentre() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    Map<String, Object> exclusive = new HashMap<>(termSheet(20000, LocalDate.now().plusMonths(3).toString()));
    exclusive.put("dealForm", "EXCLUSIVE_LICENCE");
    long prepare = awaitTask("broker", id, "PrepareTermSheet");
    Map<String, Object> pastMilestone = new HashMap<>(exclusive);
    pastMilestone.put("milestones", List.of(Map.of("name", "Late", "amount", 10, "dueDate", "2020-01-01")));
    post("broker", "/api/v1/tasks/" + prepare + "/complete", pastMilestone).expect(400).problemOn("milestones[0].dueDate");
    Map<String, Object> badAmount = new HashMap<>(exclusive);
    badAmount.put("upfrontFee", -1);
    post("broker", "/api/v1/tasks/" + prepare + "/complete", badAmount).expect(400).problemOn("upfrontFee");
    assertThat(deal(id).get("termSheets")).isEmpty();
    post("broker", "/api/v1/tasks/" + prepare + "/complete", exclusive).expect(200);

    long approve = awaitTask("manager", id, "ApproveTermSheet");
    post("broker", "/api/v1/tasks/" + approve + "/complete", Map.of("decision", "APPROVE")).expect(403);
    post("manager", "/api/v1/tasks/" + approve + "/complete", Map.of("decision", "REJECT")).expect(400).problemOn("comment");
    post("manager", "/api/v1/tasks/" + approve + "/complete", Map.of("decision", "REJECT", "comment", "Fee too low"))
        .expect(200);
    awaitTask("broker", id, "PrepareTermSheet");
    assertThat(deal(id).get("termSheets")).hasSize(1);
  }

  // ---- messages: counterparty response, signature, payments, withdrawal ----

  @Test
  void counterpartyResponsesAndSignaturesFollowTheStage() {
    String early = disclose(disclosure("SHA", "CN", "CN", null));
    post("broker", "/api/v1/deals/" + early + "/counterparty-responses", Map.of("response", "ACCEPT"))
        .expect(409).problemOn("stage");
    post("broker", "/api/v1/deals/" + early + "/signature", Map.of("signedOn", LocalDate.now().toString(),
        "signedBy", "X")).expect(409).problemOn("stage");

    String id = dealAwaitingAnswer();
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "MAYBE"))
        .expect(400).problemOn("response");
    post("auditor", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(403);
    post("berlin", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(404);
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "COUNTER_OFFER",
        "comment", "Royalty 2%")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT"))
        .expect(409).problemOn("stage");
    complete("broker", id, "PrepareTermSheet", termSheet(15000, LocalDate.now().plusMonths(6).toString()));
    awaitStage(id, "NEGOTIATION");
    assertThat(deal(id).get("termSheets")).extracting(t -> t.get("version").asInt()).containsExactly(1, 2);
    JsonNode versions = get("auditor", "/api/v1/deals/" + id + "/term-sheets").expect(200).body();
    assertThat(versions.get(0).get("changes")).isEmpty();
    assertThat(versions.get(1).get("changes")).extracting(c -> c.get("field").asText() + " " + c.get("before").asText()
        + " -> " + c.get("after").asText()).containsExactly("upfrontFee 20000 -> 15000");
    get("berlin", "/api/v1/deals/" + id + "/term-sheets").expect(404);
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);

    post("broker", "/api/v1/deals/" + id + "/signature", Map.of("signedBy", "CEO")).expect(400).problemOn("signedOn");
    post("broker", "/api/v1/deals/" + id + "/signature", Map.of("signedOn", LocalDate.now().plusDays(3).toString(),
        "signedBy", "CEO")).expect(400).problemOn("signedOn");
    post("auditor", "/api/v1/deals/" + id + "/signature", Map.of("signedOn", LocalDate.now().toString(),
        "signedBy", "CEO")).expect(403);
    post("broker", "/api/v1/deals/" + id + "/signature", Map.of("signedOn", LocalDate.now().toString(),
        "signedBy", "CEO")).expect(202);
  }

  @Test
  void paymentsAreCheckedAgainstTheScheduleAndRecordedOnce() {
    String early = disclose(disclosure("SHA", "CN", "CN", null));
    post("broker", "/api/v1/deals/" + early + "/payments", payment("UPFRONT", "20000.00", "USD")).expect(409);

    String id = dealInExecution();
    post("broker", "/api/v1/deals/" + id + "/payments", payment("M9", "1.00", "USD")).expect(400).problemOn("milestone");
    post("broker", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "-5", "USD")).expect(400).problemOn("amount");
    post("broker", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "abc", "USD")).expect(400).problemOn("amount");
    post("broker", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "10.001", "USD")).expect(400).problemOn("amount");
    post("broker", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "20000", "EUR")).expect(400).problemOn("currency");
    post("auditor", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "20000", "USD")).expect(403);
    post("berlin", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "20000", "USD")).expect(404);
    assertThat(get("auditor", "/api/v1/deals/" + id + "/ledger").expect(200).body()).isEmpty();

    post("broker", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "20000.00", "USD")).expect(201);
    post("broker", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "20000.00", "USD"))
        .expect(409).problemOn("milestone");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> get("auditor", "/api/v1/deals/" + id + "/ledger").body().get(0).get("lines").size() == 6);
    JsonNode ledger = get("auditor", "/api/v1/deals/" + id + "/ledger").body();
    assertThat(ledger).hasSize(1);
    assertThat(ledger.get(0).get("distributed").decimalValue()).isEqualByComparingTo("20000.00");
    get("berlin", "/api/v1/deals/" + id + "/ledger").expect(404);
    get(null, "/api/v1/deals/" + id + "/ledger").expect(401);
  }

  @Test
  void withdrawalNeedsAReasonARightAndAnOpenDeal() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    post("broker", "/api/v1/deals/" + id + "/withdrawal", Map.of()).expect(400).problemOn("reason");
    post("auditor", "/api/v1/deals/" + id + "/withdrawal", Map.of("reason", "x")).expect(403);
    post("berlin", "/api/v1/deals/" + id + "/withdrawal", Map.of("reason", "x")).expect(404);
    assertThat(deal(id).get("withdrawalRequested").asBoolean()).isFalse();
    post("broker", "/api/v1/deals/" + id + "/withdrawal", Map.of("reason", "Licensee gone")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/withdrawal", Map.of("reason", "again")).expect(409);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> "WITHDRAWN".equals(deal(id).path("outcome").asText()));
    post("broker", "/api/v1/deals/" + id + "/withdrawal", Map.of("reason", "again")).expect(409).problemOn("stage");
  }

  private static Map<String, Object> payment(String milestone, String amount, String currency) {
    return Map.of("milestone", milestone, "amount", amount, "currency", currency,
        "receivedOn", LocalDate.now().toString());
  }

  @Test
  void aDealBeingWithdrawnTakesNoFurtherCommands() {
    String id = dealInExecution();
    post("broker", "/api/v1/deals/" + id + "/withdrawal", Map.of("reason", "Licensee insolvent")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/payments", payment("UPFRONT", "20000.00", "USD")).expect(409).problemOn("stage");
    assertThat(get("auditor", "/api/v1/deals/" + id + "/ledger").body()).isEmpty();
  }

  @Test
  void eachOfferIsAnsweredOnce() {
    String id = dealAwaitingAnswer();
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "DECLINE")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(409);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> "DECLINED".equals(deal(id).path("outcome").asText()));
    assertThat(deal(id).get("counterpartyResponses")).hasSize(1);
  }

  @Test
  void termSheetFormsRefuseOtherCurrenciesAndUnknownFields() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    long task = awaitTask("broker", id, "PrepareTermSheet");
    Map<String, Object> euro = new HashMap<>(termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    euro.put("currency", "EUR");
    post("broker", "/api/v1/tasks/" + task + "/complete", euro).expect(400).problemOn("currency");
    Map<String, Object> noField = new HashMap<>(termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    noField.remove("fieldOfUse");
    noField.put("territory", " ");
    post("broker", "/api/v1/tasks/" + task + "/complete", noField).expect(400).problemOn("fieldOfUse").problemOn("territory");
    Map<String, Object> equity = new HashMap<>(termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    equity.put("dealForm", "EQUITY");
    post("broker", "/api/v1/tasks/" + task + "/complete", equity).expect(400).problemOn("equityPercent");
    equity.put("reportingPeriod", "WEEKLY");
    post("broker", "/api/v1/tasks/" + task + "/complete", equity).expect(400).problemOn("reportingPeriod");
    Map<String, Object> extra = new HashMap<>(termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    extra.put("discount", 50);
    post("broker", "/api/v1/tasks/" + task + "/complete", extra).expect(400).problemOn("discount");
    assertThat(deal(id).get("termSheets")).isEmpty();
  }

  @Test
  void whoeverPreparedTheTermsDoesNotApproveThem() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("lead", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    Map<String, Object> exclusive = new HashMap<>(termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    exclusive.put("dealForm", "EXCLUSIVE_LICENCE");
    complete("lead", id, "PrepareTermSheet", exclusive);
    long approval = awaitTask("lead", id, "ApproveTermSheet");
    post("lead", "/api/v1/tasks/" + approval + "/complete", Map.of("decision", "APPROVE")).expect(403);
    post("manager", "/api/v1/tasks/" + approval + "/complete", Map.of("decision", "APPROVE")).expect(200);
  }
}
