package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Stored exchange rates, versioned revenue policies, and a centre's choice of policy. */
class PoliciesAndRatesIT extends ApiTest {

  @Test
  void ratesAreRecordedByAdminsAndAppliedDirectOrInverse() {
    assertThat(get("auditor", "/api/v1/exchange-rates").expect(200).body().size()).isGreaterThanOrEqualTo(6);
    JsonNode usdCny = get("broker", "/api/v1/exchange-rates/applied?from=USD&to=CNY&on=2026-08-01").expect(200).body();
    assertThat(usdCny.get("rate").decimalValue()).isEqualByComparingTo("7.15");
    assertThat(usdCny.get("date").asText()).isEqualTo("2026-07-01");
    JsonNode cnyUsd = get("broker", "/api/v1/exchange-rates/applied?from=CNY&to=USD&on=2026-03-01").expect(200).body();
    // 1 / 7.1, rounded half-even to the 10 decimals a rate is stored with.
    assertThat(new java.math.BigDecimal(cnyUsd.get("rate").asText())).isEqualByComparingTo("0.1408450704");
    assertThat(cnyUsd.get("source").asText()).endsWith("(inverse)");
    get("broker", "/api/v1/exchange-rates/applied?from=USD&to=CNY&on=2025-12-31").expect(404);

    post("manager", "/api/v1/exchange-rates", Map.of("base", "GBP", "quote", "CNY", "date", "2026-11-01",
        "rate", "9.05", "source", "Bank of China")).expect(403);
    post("admin", "/api/v1/exchange-rates", Map.of("base", "GBP", "quote", "CNY", "date", "2026-11-01",
        "rate", "9.05", "source", "Bank of China")).expect(201);
    post("admin", "/api/v1/exchange-rates", Map.of("base", "GBP", "quote", "CNY", "date", "2026-11-01",
        "rate", "9.10", "source", "Bank of China")).expect(409).problemOn("date");
    post("admin", "/api/v1/exchange-rates", Map.of("base", "GBP", "quote", "CNY", "date", "2026-11-02",
        "rate", "1e12", "source", "x")).expect(400).problemOn("rate");
    Reply bad = post("admin", "/api/v1/exchange-rates", Map.of("base", "GBP", "quote", "GBP", "date", "2026-11-01",
        "rate", "-1", "source", "x")).expect(400);
    bad.problemOn("quote").problemOn("rate");
    post("admin", "/api/v1/exchange-rates", Map.of("base", "XYZ", "quote", "CNY", "date", "2026-11-01",
        "rate", "1", "source", "x")).expect(400).problemOn("base");
    post("broker", "/api/v1/exchange-rates", Map.of("base", "GBP", "quote", "CNY", "date", "2026-11-01",
        "rate", "9.05", "source", "Bank of China")).expect(403);
  }

  @Test
  void csvImportStoresAllRowsOrNone() {
    int before = get("admin", "/api/v1/exchange-rates").body().size();
    Reply broken = csv("admin", "base,quote,date,rate,source\nCHF,CNY,2026-10-01,8.1,SNB\nCHF,CNY,2026-13-01,8.2,SNB\n");
    broken.expect(400).problemOn("line 3");
    assertThat(get("admin", "/api/v1/exchange-rates").body().size()).isEqualTo(before);
    csv("admin", "wrong,header\n").expect(400).problemOn("file");
    csv("manager", "base,quote,date,rate,source\nCHF,CNY,2026-10-01,8.1,SNB\n").expect(403);
    csv("auditor", "base,quote,date,rate,source\nCHF,CNY,2026-10-01,8.1,SNB\n").expect(403);

    String good = "base,quote,date,rate,source\nCHF,CNY,2026-10-01,8.1,SNB\nCHF,CNY,2026-10-02,8.2,SNB\n";
    assertThat(csv("admin", good).expect(200).body().get("added").asInt()).isEqualTo(2);
    assertThat(csv("admin", good).expect(200).body().get("added").asInt()).isZero();
  }

  @Test
  void policiesAreDefinedByAdminsAsNewVersions() {
    JsonNode all = get("broker", "/api/v1/policies").expect(200).body();
    assertThat(all).extracting(p -> p.get("code").asText())
        .contains("STANFORD_CLASSIC", "STANFORD_TIERED", "YEDA", "NOTRE_DAME", "CN_DEFAULT");

    Map<String, Object> own = new HashMap<>(Map.of("code", "SHA_OWN", "name", "Shanghai centre's own rule",
        "effectiveFrom", LocalDate.now().plusDays(1).toString(), "officeFeePercent", 10, "deductPatentCosts", true, "thresholdCurrency", "CNY",
        "shares", List.of(
            Map.of("kind", "INVENTOR", "beneficiary", "Inventors", "weight", 70),
            Map.of("kind", "OFFICE", "beneficiary", "Centre", "weight", 30),
            Map.of("kind", "INVENTOR", "beneficiary", "Inventors", "weight", 60, "tierFrom", 1000000),
            Map.of("kind", "OFFICE", "beneficiary", "Centre", "weight", 40, "tierFrom", 1000000))));
    post("manager", "/api/v1/policies", own).expect(403);
    JsonNode v1 = post("admin", "/api/v1/policies", own).expect(201).body();
    assertThat(v1.get("version").asInt()).isEqualTo(1);
    assertThat(v1.get("tiers")).hasSize(2);
    assertThat(post("admin", "/api/v1/policies", own).expect(201).body().get("version").asInt()).isEqualTo(2);

    Map<String, Object> backdated = new HashMap<>(own);
    backdated.put("effectiveFrom", "2020-01-01");
    post("admin", "/api/v1/policies", backdated).expect(400).problemOn("effectiveFrom");
    Map<String, Object> empty = new HashMap<>(own);
    empty.put("shares", java.util.Arrays.asList((Object) null));
    post("admin", "/api/v1/policies", empty).expect(400).problemOn("shares[0]");

    Map<String, Object> bad = new HashMap<>(own);
    bad.put("thresholdCurrency", null);
    bad.put("shares", List.of(Map.of("kind", "OFFICE_FEE", "beneficiary", "x", "weight", 0, "tierFrom", 5)));
    post("admin", "/api/v1/policies", bad).expect(400)
        .problemOn("shares[0].kind").problemOn("shares[0].weight").problemOn("shares").problemOn("thresholdCurrency");

    call("admin", "PUT", "/api/v1/centres/SHA/policy", Map.of("policy", "NOPE")).expect(400).problemOn("policy");
    call("admin", "PUT", "/api/v1/centres/XXX/policy", Map.of("policy", "YEDA")).expect(404);
    call("manager", "PUT", "/api/v1/centres/SHA/policy", Map.of("policy", "YEDA")).expect(403);
  }

  @Test
  void aCentresPolicySplitsItsPaymentsAndTheRateReportsThem() {
    call("admin", "PUT", "/api/v1/centres/BER/policy", Map.of("policy", "YEDA")).expect(200);
    try {
      String id = post("berlin", "/api/v1/deals", disclosure("BER", "DE", "DE", null)).expect(201).body().get("id").asText();
      complete("berlin", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
      complete("berlin", id, "PrepareTermSheet", termSheet(20000, LocalDate.now().plusMonths(6).toString()));
      awaitStage(id, "NEGOTIATION");
      post("berlin", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);
      post("berlin", "/api/v1/deals/" + id + "/signature",
          Map.of("signedOn", LocalDate.now().toString(), "signedBy", "CEO")).expect(202);
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deal(id).get("schedule").size() == 2);
      post("berlin", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "UPFRONT", "amount", "20000.00",
          "currency", "USD", "receivedOn", LocalDate.now().toString())).expect(201);
      Awaitility.await().atMost(Duration.ofSeconds(30))
          .until(() -> get("auditor", "/api/v1/deals/" + id + "/ledger").body().get(0).get("lines").size() > 0);

      JsonNode payment = get("auditor", "/api/v1/deals/" + id + "/ledger").body().get(0);
      assertThat(payment.get("policy").asText()).isEqualTo("YEDA v1");
      // 40% of 20,000.00 to the scientists by their 60/40 shares; 60% to Yeda; no office fee, no cost recovery.
      assertThat(payment.get("lines"))
          .extracting(l -> l.get("beneficiary").asText() + " " + l.get("amount").decimalValue().setScale(2).toPlainString())
          .containsExactly("Chen Jie 4800.00", "Maria Rossi 3200.00", "Yeda R&D 12000.00");
      assertThat(payment.get("reported").get("currency").asText()).isEqualTo("EUR");
      assertThat(payment.get("reported").get("amount").decimalValue()).isEqualByComparingTo("18200.00");
      assertThat(payment.get("reported").get("rate").decimalValue()).isEqualByComparingTo("0.91");
    } finally {
      call("admin", "PUT", "/api/v1/centres/BER/policy", Map.of("policy", "STANFORD_CLASSIC")).expect(200);
    }
  }

  @Test
  void decisionTablesCompareAmountsInDollars() {
    Map<String, Object> yuan = new HashMap<>(disclosure("SHA", "CN", "CN", null));
    yuan.put("valuation", Map.of("currency", "CNY", "projectedRevenue", List.of(5000000, 9000000), "royaltyRate", 3,
        "taxRate", 25, "discountRate", 15));
    String id = disclose(yuan);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    // 1,000,000.00 CNY at 1/7.15 = 139,860.14 USD: below the 250k USD that needs a manager.
    Map<String, Object> terms = new HashMap<>(termSheet(1000000, LocalDate.now().plusMonths(6).toString()));
    terms.put("currency", "CNY");
    complete("broker", id, "PrepareTermSheet", terms);
    awaitStage(id, "NEGOTIATION");
    JsonNode decision = java.util.stream.StreamSupport.stream(
            get("auditor", "/api/v1/deals/" + id + "/history").body().spliterator(), false)
        .filter(e -> e.get("type").asText().equals("DECISION_EVALUATED"))
        .filter(e -> e.get("data").get("decision").asText().equals("term-sheet-approval")).findFirst().orElseThrow();
    assertThat(decision.get("data").get("approvalRequired").asBoolean()).isFalse();
    assertThat(decision.get("data").get("inputs").get("upfrontFeeUsd").decimalValue())
        .isEqualByComparingTo("139860.14");
  }

  @Test
  void aPaymentWithoutAStoredRateIsRefused() {
    Map<String, Object> yen = new HashMap<>(disclosure("SHA", "CN", "CN", null));
    yen.put("valuation", Map.of("currency", "JPY", "projectedRevenue", List.of(50000000), "royaltyRate", 3,
        "taxRate", 25, "discountRate", 15));
    yen.put("patentCosts", 0);
    String id = disclose(yen);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    // No rate from JPY to USD is stored, so the decision tables cannot size the amounts: a manager
    // reviews the valuation and approves the terms.
    complete("manager", id, "ReviewValuation", Map.of("decision", "APPROVE"));
    Map<String, Object> terms = new HashMap<>(termSheet(2000000, LocalDate.now().plusMonths(6).toString()));
    terms.put("currency", "JPY");
    terms.put("milestones", List.of());
    complete("broker", id, "PrepareTermSheet", terms);
    complete("manager", id, "ApproveTermSheet", Map.of("decision", "APPROVE"));
    awaitStage(id, "NEGOTIATION");
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/signature",
        Map.of("signedOn", LocalDate.now().toString(), "signedBy", "CEO")).expect(202);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deal(id).get("schedule").size() == 1);
    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "UPFRONT", "amount", "2000000",
        "currency", "JPY", "receivedOn", LocalDate.now().toString())).expect(400).problemOn("currency");
    assertThat(get("auditor", "/api/v1/deals/" + id + "/ledger").body()).isEmpty();
  }

  private Reply csv(String user, String body) {
    return RestClient.create("http://localhost:" + port).post().uri("/api/v1/exchange-rates/import")
        .headers(h -> h.setBasicAuth(user, io.ttdesk.local.DemoData.PASSWORD))
        .contentType(MediaType.parseMediaType("text/csv")).body(body.getBytes())
        .exchange((req, res) -> new Reply(res.getStatusCode().value(), json.readTree(res.getBody().readAllBytes()), null));
  }
}
