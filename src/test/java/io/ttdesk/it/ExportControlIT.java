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

/** Export control as a gate in the flow: classification, approval before negotiation, licence before signature. */
class ExportControlIT extends ApiTest {

  @Test
  void restrictedTechnologyWaitsForApprovalAndLicence() {
    Map<String, Object> cathode = new HashMap<>(disclosure("SHA", "CN", "US", "Sunrise Photovoltaics Inc."));
    cathode.put("title", "Cathode material for sodium batteries");
    String id = disclose(cathode);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));

    long hit = awaitTask("manager", id, "DecideScreeningHit");
    JsonNode screening = check(id, "SCREENING");
    assertThat(screening.get("result").asText()).isEqualTo("LICENCE_REQUIRED");
    JsonNode classification = screening.get("evidence").get("classification");
    assertThat(classification.get("category").asText()).isEqualTo("RESTRICTED");
    assertThat(classification.get("item").asText()).isEqualTo("CN-R-038");
    assertThat(classification.get("catalogueVersion").asText()).isEqualTo("DEMO-CN-2025");
    post("manager", "/api/v1/tasks/" + hit + "/complete", Map.of("decision", "CLEAR",
        "reason", "Restricted, not prohibited: proceed with approval")).expect(200);

    long approval = awaitTask("manager", id, "ObtainExportApproval");
    post("broker", "/api/v1/tasks/" + approval + "/complete", Map.of("decision", "GRANTED", "reference", "X"))
        .expect(403);
    post("manager", "/api/v1/tasks/" + approval + "/complete", Map.of("decision", "GRANTED")).expect(400)
        .problemOn("reference");
    post("manager", "/api/v1/tasks/" + approval + "/complete", Map.of("decision", "GRANTED",
        "reference", "MOFCOM-2026-0042")).expect(200);

    complete("broker", id, "PrepareTermSheet", termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    complete("manager", id, "ApproveTermSheet", Map.of("decision", "APPROVE"));
    awaitStage(id, "NEGOTIATION");
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);
    assertThat(deal(id).get("stage").asText()).isEqualTo("EXPORT_LICENCE");
    post("broker", "/api/v1/deals/" + id + "/signature",
        Map.of("signedOn", LocalDate.now().toString(), "signedBy", "CEO")).expect(409).problemOn("stage");

    long licence = awaitTask("manager", id, "ObtainExportLicence");
    post("manager", "/api/v1/tasks/" + licence + "/complete", Map.of("decision", "GRANTED",
        "reference", "TEL-2026-1187")).expect(200);
    assertThat(deal(id).get("stage").asText()).isEqualTo("SIGNATURE");
    post("broker", "/api/v1/deals/" + id + "/signature",
        Map.of("signedOn", LocalDate.now().toString(), "signedBy", "CEO")).expect(202);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deal(id).get("schedule").size() == 2);

    assertThat(check(id, "EXPORT_APPROVAL").get("evidence").get("reference").asText()).isEqualTo("MOFCOM-2026-0042");
    assertThat(check(id, "EXPORT_LICENCE").get("evidence").get("reference").asText()).isEqualTo("TEL-2026-1187");
  }

  @Test
  void prohibitedTechnologyIsBlockedByAPersonNotByTheMachine() {
    Map<String, Object> prohibited = new HashMap<>(disclosure("SHA", "CN", "US", null));
    prohibited.put("abstract", "Simulation code relevant to nuclear weapon design.");
    String id = disclose(prohibited);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    long hit = awaitTask("manager", id, "DecideScreeningHit");
    assertThat(check(id, "SCREENING").get("result").asText()).isEqualTo("PROHIBITED");
    assertThat(deal(id).get("status").asText()).isEqualTo("OPEN");
    post("manager", "/api/v1/tasks/" + hit + "/complete", Map.of("decision", "BLOCK",
        "reason", "Prohibited item CN-P-001")).expect(200);
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> "BLOCKED".equals(deal(id).path("outcome").asText()));
  }

  private JsonNode check(String dealId, String kind) {
    return StreamSupport.stream(deal(dealId).get("ipChecks").spliterator(), false)
        .filter(c -> c.get("kind").asText().equals(kind)).reduce((a, b) -> b).orElseThrow();
  }
}
