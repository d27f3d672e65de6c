package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Ownership, novelty in every filing country, and the filing docket. */
class IpCheckIT extends ApiTest {

  @Test
  void unclearOwnershipIsSettledByAManager() {
    Map<String, Object> d = new HashMap<>(disclosure("SHA", "CN", "CN", null));
    d.put("inventors", List.of(Map.of("name", "Chen Jie", "share", 70),
        Map.of("name", "Guest Researcher", "share", 30, "employedByOwner", false)));
    d.put("sponsors", List.of(Map.of("name", "Industry Partner Ltd", "rights", "TITLE")));
    d.put("coOwners", List.of(Map.of("name", "Partner Institute", "country", "CN", "share", 20)));
    String id = disclose(d);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));

    long review = awaitTask("manager", id, "ReviewOwnership");
    JsonNode patent = check(id);
    assertThat(patent.get("evidence").get("ownershipClear").asBoolean()).isFalse();
    assertThat(patent.get("evidence").get("ownershipIssues")).extracting(JsonNode::asText).containsExactly(
        "Guest Researcher is not employed by Fudan University", "Industry Partner Ltd may take title");
    assertThat(patent.get("evidence").get("coOwners").get(0).get("name").asText()).isEqualTo("Partner Institute");
    post("manager", "/api/v1/tasks/" + review + "/complete", Map.of("decision", "CONFIRMED")).expect(400)
        .problemOn("comment");
    post("manager", "/api/v1/tasks/" + review + "/complete", Map.of("decision", "CONFIRMED",
        "comment", "Assignment from the guest researcher signed; sponsor waived title")).expect(200);
    awaitTask("broker", id, "PrepareTermSheet");
  }

  @Test
  void unresolvedOwnershipEndsTheDeal() {
    Map<String, Object> d = new HashMap<>(disclosure("SHA", "CN", "CN", null));
    d.put("sponsors", List.of(Map.of("name", "Industry Partner Ltd", "rights", "TITLE")));
    String id = disclose(d);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    complete("manager", id, "ReviewOwnership", Map.of("decision", "UNRESOLVED", "comment", "Sponsor claims title"));
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> "NOT_PURSUED".equals(deal(id).path("outcome").asText()));
  }

  @Test
  void noveltyIsCheckedInEveryFilingCountryAndTheDocketFollows() {
    // One day for the paper and its deadline, even across midnight.
    LocalDate paper = LocalDate.now().minusMonths(8);
    Map<String, Object> d = new HashMap<>(disclosure("SHA", "CN", "US", null));
    d.put("priorDisclosures", List.of(Map.of("date", paper.toString(), "kind", "PAPER")));
    d.put("filingCountries", List.of("US", "CN", "EP"));
    String id = disclose(d);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    awaitTask("broker", id, "PrepareTermSheet");
    JsonNode countries = check(id).get("evidence").get("countries");
    assertThat(countries).extracting(c -> c.get("country").asText() + " " + c.get("novelty").asText())
        .containsExactly("US FILE_BY_DEADLINE", "CN LOST", "EP LOST");
    assertThat(check(id).get("result").asText()).isEqualTo("NOVELTY_LOST");

    JsonNode docket = get("auditor", "/api/v1/deals/" + id + "/docket").expect(200).body();
    assertThat(docket).extracting(e -> e.get("country").asText()).containsExactly("US");
    assertThat(docket.get(0).get("due").asText()).isEqualTo(paper.plusMonths(12).toString());
    get("berlin", "/api/v1/deals/" + id + "/docket").expect(404);

    Map<String, Object> filed = new HashMap<>(disclosure("SHA", "CN", "US", null));
    filed.put("priorityDate", "2025-03-15");
    filed.put("filingCountries", List.of("US", "EP"));
    String other = disclose(filed);
    JsonNode dates = get("broker", "/api/v1/deals/" + other + "/docket").expect(200).body();
    assertThat(StreamSupport.stream(dates.spliterator(), false)
        .filter(e -> e.get("what").asText().startsWith("PCT")).map(e -> e.get("country").asText() + " " + e.get("due").asText()))
        .containsExactly("US 2027-09-15", "EP 2027-10-15");
  }

  @Test
  void ownershipAndFilingInputsAreValidated() {
    Map<String, Object> d = new HashMap<>(disclosure("SHA", "CN", "US", null));
    d.put("filingCountries", List.of("USA"));
    d.put("sponsors", List.of(Map.of("name", "X", "rights", "EVERYTHING")));
    post("broker", "/api/v1/deals", d).expect(400).problemOn("sponsors[0].rights");
    d.remove("sponsors");
    post("broker", "/api/v1/deals", d).expect(400).problemOn("filingCountries[0]");
    d.remove("filingCountries");
    d.put("coOwners", List.of(Map.of("name", "A", "country", "CN", "share", 60),
        Map.of("name", "B", "country", "CN", "share", 40)));
    post("broker", "/api/v1/deals", d).expect(400).problemOn("coOwners");
  }

  private JsonNode check(String dealId) {
    return StreamSupport.stream(deal(dealId).get("ipChecks").spliterator(), false)
        .filter(c -> c.get("kind").asText().equals("PATENT")).reduce((a, b) -> b).orElseThrow();
  }
}
