package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The licensee's periodic reports: royalty due, the minimum annual royalty, and the payment expected. */
class RoyaltyReportsIT extends ApiTest {

  private static final String TODAY = LocalDate.now().toString();

  @Test
  void reportsMakeRoyaltiesDueAndTheYearsLastTopsUpToTheMinimum() {
    // A one-year quarterly licence at 3% with a 5,000.00 minimum, signed 13 months ago: all four
    // periods have ended and the first three reports are overdue (45 days after each period).
    String id = dealSignedOn(LocalDate.now().minusMonths(13));
    String path = "/api/v1/deals/" + id + "/royalty-reports";
    JsonNode periods = get("auditor", path).expect(200).body();
    assertThat(periods).extracting(p -> p.get("period").asText()).containsExactly("R1", "R2", "R3", "R4");
    assertThat(periods).extracting(p -> p.get("status").asText()).containsExactly("OVERDUE", "OVERDUE", "OVERDUE", "AWAITED");
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> chasedReports(id).size() == 3);

    JsonNode r1 = post("broker", path, report("R1", "100000.00")).expect(201).body();
    assertThat(r1.get("royalty").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(r1.get("due").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(r1.has("minimumForYear")).isFalse();
    JsonNode scheduled = StreamSupport.stream(deal(id).get("schedule").spliterator(), false)
        .filter(p -> p.get("code").asText().equals("R1")).findFirst().orElseThrow();
    assertThat(scheduled.get("amount").decimalValue()).isEqualByComparingTo("3000.00");
    // The report ends its own chase task; the other periods' reports are still chased.
    assertThat(chasedReports(id)).containsExactlyInAnyOrder("R2", "R3");

    assertThat(post("broker", path, report("R2", "0.00")).expect(201).body().get("due").decimalValue()).isZero();
    post("broker", path, withSublicence(report("R3", "1000.00"), "400.00")).expect(201);
    // Year one earned 3,000.00 + 0 + 30.00 + 10% of 400.00 = 3,070.00 (3% of 1,000.00 is 30.00); R4 tops up to 5,000.00.
    JsonNode r4 = post("manager", path, report("R4", "0.00")).expect(201).body();
    assertThat(r4.get("minimumForYear").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(r4.get("earnedInYear").decimalValue()).isEqualByComparingTo("3070.00");
    assertThat(r4.get("topUp").decimalValue()).isEqualByComparingTo("1930.00");
    assertThat(r4.get("due").decimalValue()).isEqualByComparingTo("1930.00");

    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "R4", "amount", "1930.00",
        "currency", "USD", "receivedOn", TODAY)).expect(201);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(
        get("auditor", "/api/v1/deals/" + id + "/ledger").body().spliterator(), false)
        .anyMatch(p -> p.get("milestone").asText().equals("R4") && !p.get("lines").isEmpty()));
    assertThat(get("auditor", path).body()).extracting(p -> p.get("status").asText()).containsOnly("REPORTED");
    assertThat(historyTypes(id)).contains("ROYALTY_REPORTED");
  }

  @Test
  void aReportIsRefusedWhenItIsWrongOrOutOfTurn() {
    String id = dealSignedOn(LocalDate.now().minusMonths(7));
    String path = "/api/v1/deals/" + id + "/royalty-reports";
    post("broker", path, report("R2", "10.00")).expect(409).problemOn("period");
    post("broker", path, report("R9", "10.00")).expect(400).problemOn("period");
    post("broker", path, report("R3", "10.00")).expect(409).problemOn("period");
    Map<String, Object> euro = new HashMap<>(report("R1", "10.00"));
    euro.put("currency", "EUR");
    post("broker", path, euro).expect(400).problemOn("currency");
    post("broker", path, report("R1", "10.001")).expect(400).problemOn("netSales");
    post("broker", path, report("R1", "-1")).expect(400).problemOn("netSales");
    Map<String, Object> future = new HashMap<>(report("R1", "10.00"));
    future.put("reportedOn", LocalDate.now().plusDays(5).toString());
    post("broker", path, future).expect(400).problemOn("reportedOn");
    post("broker", path, Map.of("netSales", "1")).expect(400).problemOn("period").problemOn("reportedOn");
    post("auditor", path, report("R1", "10.00")).expect(403);
    post("berlin", path, report("R1", "10.00")).expect(404);
    get("berlin", path).expect(404);
    assertThat(get("auditor", path).body()).extracting(p -> p.get("status").asText()).doesNotContain("REPORTED");

    post("broker", path, report("R1", "10.00")).expect(201);
    post("broker", path, report("R1", "10.00")).expect(409).problemOn("period");
    // R2 ends six months after signature, about a month ago; R3 has not ended.
    Map<String, Object> early = new HashMap<>(report("R3", "10.00"));
    post("broker", path, report("R2", "10.00")).expect(201);
    post("broker", path, early).expect(400).problemOn("reportedOn");
  }

  @Test
  void aRoyaltyNeedsALicenceTermAndALicenceWithoutRoyaltyHasNothingToReport() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    long prepare = awaitTask("broker", id, "PrepareTermSheet");
    Map<String, Object> noTerm = new HashMap<>(termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    noTerm.remove("termYears");
    post("broker", "/api/v1/tasks/" + prepare + "/complete", noTerm).expect(400).problemOn("termYears");
    Map<String, Object> tooLong = new HashMap<>(noTerm);
    tooLong.put("termYears", 31);
    post("broker", "/api/v1/tasks/" + prepare + "/complete", tooLong).expect(400).problemOn("termYears");
    Map<String, Object> flat = new HashMap<>(noTerm);
    flat.put("royaltyRate", 0);
    flat.put("minimumAnnualRoyalty", 0);
    post("broker", "/api/v1/tasks/" + prepare + "/complete", flat).expect(200);
    complete("manager", id, "ApproveTermSheet", Map.of("decision", "APPROVE"));
    awaitStage(id, "NEGOTIATION");
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/signature", Map.of("signedOn", LocalDate.now().minusYears(1).toString(),
        "signedBy", "CEO")).expect(202);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deal(id).get("schedule").size() == 2);
    post("broker", "/api/v1/deals/" + id + "/royalty-reports", report("R1", "10.00")).expect(409).problemOn("period");
    assertThat(get("broker", "/api/v1/deals/" + id + "/royalty-reports").body()).isEmpty();
  }

  /** The periods whose overdue report has an open chase task. */
  private java.util.List<String> chasedReports(String dealId) {
    return StreamSupport.stream(get("broker", "/api/v1/tasks?dealId=" + dealId).body().spliterator(), false)
        .filter(t -> t.get("type").asText().equals("ChaseRoyaltyReport")).map(t -> t.get("subject").asText()).toList();
  }

  private static Map<String, Object> report(String period, String netSales) {
    return Map.of("period", period, "netSales", netSales, "currency", "USD", "reportedOn", TODAY,
        "reference", "Licensee statement " + period);
  }

  private static Map<String, Object> withSublicence(Map<String, Object> report, String income) {
    Map<String, Object> r = new HashMap<>(report);
    r.put("sublicenceIncome", income);
    return r;
  }
}
