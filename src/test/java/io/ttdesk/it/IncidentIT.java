package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A step that keeps failing: its retries run out, managers and admins of the centre see the
 * incident, and once the cause is fixed a retry sends the deal on; nothing was half-written meanwhile.
 */
class IncidentIT extends ApiTest {

  @Autowired
  JdbcTemplate db;

  @Test
  void aStepOutOfRetriesIsShownAndRetriedOnceItsCauseIsFixed() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    String good = db.queryForObject("SELECT projected_revenue FROM deal WHERE id = ?", String.class, id);
    // The cause: stored valuation inputs the worker cannot read.
    db.update("UPDATE deal SET projected_revenue = 'not a list' WHERE id = ?", id);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));

    JsonNode incident = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> find(get("manager", "/api/v1/incidents").expect(200).body(), id), java.util.Objects::nonNull);
    assertThat(incident.get("jobType").asText()).isEqualTo("valuation-compute");
    assertThat(incident.get("message").asText()).isNotBlank();
    assertThat(db.queryForObject("SELECT COUNT(*) FROM valuation WHERE deal_id = ?", Integer.class, id)).isZero();
    assertThat(find(get("admin", "/api/v1/incidents").expect(200).body(), id)).isNotNull();
    get("broker", "/api/v1/incidents").expect(403);
    get("auditor", "/api/v1/incidents").expect(403);
    long jobKey = incident.get("jobKey").asLong();
    post("broker", "/api/v1/incidents/" + jobKey + "/retry", null).expect(403);
    post("manager", "/api/v1/incidents/999/retry", null).expect(404);
    post("manager", "/api/v1/incidents/abc/retry", null).expect(400);

    String page = mvc.perform(as("manager", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
        .get("/desk/pipeline"))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"incidents\"", "/desk/incidents/" + jobKey + "/retry");

    db.update("UPDATE deal SET projected_revenue = ? WHERE id = ?", good, id);
    JsonNode retried = post("manager", "/api/v1/incidents/" + jobKey + "/retry", null).expect(200).body();
    assertThat(retried.get("retriedBy").asText()).isEqualTo("manager");
    awaitTask("broker", id, "PrepareTermSheet");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM valuation WHERE deal_id = ?", Integer.class, id)).isEqualTo(1);
    assertThat(find(get("manager", "/api/v1/incidents").expect(200).body(), id)).isNull();
    post("manager", "/api/v1/incidents/" + jobKey + "/retry", null).expect(404);
  }

  private static JsonNode find(JsonNode incidents, String dealId) {
    return StreamSupport.stream(incidents.spliterator(), false)
        .filter(i -> i.get("dealId").asText().equals(dealId)).findFirst().orElse(null);
  }
}
