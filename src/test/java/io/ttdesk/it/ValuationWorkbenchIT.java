package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Several valuation methods on one case, the one the broker chooses, the sensitivity grid and the rating. */
class ValuationWorkbenchIT extends ApiTest {

  @Test
  void theChosenValuationIsTheOneTheProcessUses() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    // Comparables at 2%, 4% and 5%: median 4% on the deal's own projection (500k, 1M, 1.5M USD; tax 25%,
    // discount 15%) = 65,316.02; range 32,658.01 to 81,645.02.
    JsonNode comparables = post("broker", "/api/v1/deals/" + id + "/valuations/comparables", Map.of("comparables", List.of(
        Map.of("name", "Solar licence A", "royaltyRate", 2), Map.of("name", "Solar licence B", "royaltyRate", 4),
        Map.of("name", "Battery licence C", "royaltyRate", 5)))).expect(201).body();
    assertThat(comparables.get("value").decimalValue()).isEqualByComparingTo("65316.02");
    assertThat(comparables.get("details").get("medianRate").decimalValue()).isEqualByComparingTo("4");
    assertThat(comparables.get("details").get("valueAtLow").decimalValue()).isEqualByComparingTo("32658.01");
    assertThat(comparables.get("details").get("valueAtHigh").decimalValue()).isEqualByComparingTo("81645.02");

    JsonNode npv = post("broker", "/api/v1/deals/" + id + "/valuations/risk-adjusted-npv", Map.of("discountRate", 10,
        "cashFlows", List.of(Map.of("year", 1, "cashFlow", -100000, "probability", 100),
            Map.of("year", 2, "cashFlow", 500000, "probability", 40)))).expect(201).body();
    assertThat(npv.get("value").decimalValue()).isEqualByComparingTo("74380.17");
    JsonNode rule = post("manager", "/api/v1/deals/" + id + "/valuations/twenty-five-percent", Map.of(
        "operatingProfit", List.of(400000, 800000), "discountRate", 10)).expect(201).body();
    assertThat(rule.get("value").decimalValue()).isEqualByComparingTo("256198.35");
    assertThat(rule.get("inputs").get("sharePercent").decimalValue()).isEqualByComparingTo("25");

    long chosen = comparables.get("id").asLong();
    post("broker", "/api/v1/deals/" + id + "/valuations/" + chosen + "/choice", Map.of()).expect(400).problemOn("reason");
    post("broker", "/api/v1/deals/" + id + "/valuations/" + chosen + "/choice",
        Map.of("reason", "Three close licences; the 25% rule has no evidential weight")).expect(200);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    awaitTask("broker", id, "PrepareTermSheet");

    JsonNode valuations = get("auditor", "/api/v1/deals/" + id + "/valuations").expect(200).body();
    assertThat(valuations).hasSize(3);
    assertThat(valuations).filteredOn(v -> v.get("chosen").asBoolean()).extracting(v -> v.get("method").asText())
        .containsExactly("COMPARABLES");
    JsonNode computed = StreamSupport.stream(get("auditor", "/api/v1/deals/" + id + "/history").body().spliterator(), false)
        .filter(e -> e.get("type").asText().equals("VALUATION_COMPUTED")).findFirst().orElseThrow();
    assertThat(computed.get("data").get("method").asText()).isEqualTo("COMPARABLES");
    assertThat(computed.get("data").get("value").decimalValue()).isEqualByComparingTo("65316.02");
    // Past the valuation stage a new choice would change nothing, so it is refused.
    post("broker", "/api/v1/deals/" + id + "/valuations/" + npv.get("id").asLong() + "/choice",
        Map.of("reason", "second thoughts")).expect(409).problemOn("stage");
  }

  @Test
  void withoutAChoiceTheWorkerValuesByReliefFromRoyalty() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    awaitTask("broker", id, "PrepareTermSheet");
    JsonNode valuations = get("broker", "/api/v1/deals/" + id + "/valuations").body();
    assertThat(valuations).extracting(v -> v.get("method").asText() + " " + v.get("createdBy").asText())
        .containsExactly("RELIEF_FROM_ROYALTY worker:valuation-compute");
    assertThat(valuations.get(0).get("inputs").get("usefulLifeYears").asInt()).isEqualTo(3);
  }

  @Test
  void methodsRefuseBadInputWrongRolesAndOtherCentres() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    String base = "/api/v1/deals/" + id + "/valuations/";
    post("broker", base + "relief-from-royalty", Map.of("projectedRevenue", List.of(), "royaltyRate", 0,
        "taxRate", 100, "discountRate", 10)).expect(400)
        .problemOn("projectedRevenue").problemOn("royaltyRate").problemOn("taxRate");
    post("broker", base + "risk-adjusted-npv", Map.of("discountRate", 10, "cashFlows", List.of(
        Map.of("year", 0, "cashFlow", 1, "probability", 120)))).expect(400)
        .problemOn("cashFlows[0].year").problemOn("cashFlows[0].probability");
    post("broker", base + "comparables", Map.of("comparables", List.of(Map.of("name", "Only one", "royaltyRate", 3))))
        .expect(400).problemOn("comparables");
    post("broker", base + "twenty-five-percent", Map.of("operatingProfit", List.of("much"), "discountRate", 10))
        .expect(400).problemOn("operatingProfit[0]");
    Map<String, Object> good = Map.of("projectedRevenue", List.of(1000000), "royaltyRate", 3, "taxRate", 25,
        "discountRate", 10, "usefulLifeYears", 1);
    post("auditor", base + "relief-from-royalty", good).expect(403);
    post("berlin", base + "relief-from-royalty", good).expect(404);
    get("berlin", base.substring(0, base.length() - 1)).expect(404);
    // 1,000,000 x 3% x 75% / 1.1 = 20,454.55
    assertThat(post("broker", base + "relief-from-royalty", good).expect(201).body().get("value").decimalValue())
        .isEqualByComparingTo("20454.55");

    String other = disclose(disclosure("SHA", "CN", "CN", null));
    long foreign = post("broker", "/api/v1/deals/" + other + "/valuations/relief-from-royalty", good).expect(201)
        .body().get("id").asLong();
    post("broker", base + foreign + "/choice", Map.of("reason", "x")).expect(404);
    post("broker", base + "99999999/choice", Map.of("reason", "x")).expect(404);

    post("broker", "/api/v1/deals/" + other + "/withdrawal", Map.of("reason", "Test")).expect(202);
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> "WITHDRAWN".equals(deal(other).path("outcome").asText()));
    post("broker", "/api/v1/deals/" + other + "/valuations/relief-from-royalty", good).expect(409);
  }

  @Test
  void sensitivityAndRatingOfTheCase() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    JsonNode grid = get("auditor", "/api/v1/deals/" + id + "/valuations/sensitivity").expect(200).body();
    assertThat(grid).hasSize(9);
    assertThat(grid).extracting(c -> c.get("royaltyRatePercent").decimalValue().intValue()).containsOnly(2, 3, 4);
    assertThat(grid).extracting(c -> c.get("discountRatePercent").decimalValue().intValue()).containsOnly(13, 15, 17);

    get("broker", "/api/v1/deals/" + id + "/rating").expect(404);
    Map<String, Object> scores = Map.of("management", "A", "technology", "B", "marketability", "B",
        "businessProspects", "C", "riskFactor", 10);
    post("auditor", "/api/v1/deals/" + id + "/rating", scores).expect(403);
    Reply badScore = post("broker", "/api/v1/deals/" + id + "/rating", Map.of("management", "F", "technology", "B",
        "marketability", "B", "businessProspects", "C", "riskFactor", 10)).expect(400).problemOn("management");
    assertThat(badScore.body().get("detail").asText()).contains("[A, B, C, D, E]");
    post("broker", "/api/v1/deals/" + id + "/rating", Map.of("management", "A", "technology", "B",
        "marketability", "B", "businessProspects", "C", "riskFactor", 150)).expect(400).problemOn("riskFactor");
    // TRL 5 of the disclosure: 73.75 points x 85% = 62.69 -> BBB (see TechnologyRating).
    JsonNode rating = post("broker", "/api/v1/deals/" + id + "/rating", scores).expect(201).body();
    assertThat(rating.get("grade").asText()).isEqualTo("BBB");
    assertThat(rating.get("financeable").asBoolean()).isTrue();
    assertThat(get("auditor", "/api/v1/deals/" + id + "/rating").expect(200).body().get("points").decimalValue())
        .isEqualByComparingTo("62.69");
    assertThat(deal(id).get("rating").get("grade").asText()).isEqualTo("BBB");
  }
}
