package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.ttdesk.local.EmbeddedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database goes away while a deal is moving and comes back: the engine's timer fires into the
 * outage, the worker fails and is retried, and once the database is back the deal finishes with
 * every event written once and its trail intact.
 */
class DatabaseOutageIT extends ApiTest {

  @Autowired
  JdbcTemplate db;

  @Autowired
  CamundaClient camunda;

  @Test
  void aDealWhoseWorkerMeetsADatabaseOutageFinishesOnceItIsBack() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");
    long instance = db.queryForObject("SELECT process_instance_key FROM task WHERE id = ?", Long.class, task);
    // A silent counterparty is reminded after 10 seconds instead of a week, so the timer fires during the outage,
    // even on a slow machine. The outage outlasts the interval by 6 s of sleep, as ever, so the reminder's three
    // attempts (5 s connection timeout each, 5 s and 10 s backoff) still reach the database once it is back.
    camunda.newSetVariablesCommand(instance).variables(Map.of("reminderInterval", "PT10S")).send().join();
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    complete("broker", id, "PrepareTermSheet", termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    awaitStage(id, "NEGOTIATION");

    // A signed-in page visit, prepared while the user can still be read.
    var page = as("broker", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/desk/tasks"));
    EmbeddedInfrastructure.shared().stopDatabase();
    Instant back;
    try {
      get("broker", "/api/v1/deals/" + id).expect(503);
      assertThat(mvc.perform(page).andReturn().getResponse().getStatus()).isEqualTo(503);
      sleep(Duration.ofSeconds(16));
    } finally {
      EmbeddedInfrastructure.shared().startDatabase();
      back = Instant.now();
    }

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .until(() -> deal(id).get("status").asText(), "CLOSED"::equals);
    assertThat(deal(id).get("outcome").asText()).isEqualTo("LAPSED");
    JsonNode events = get("auditor", "/api/v1/deals/" + id + "/history").expect(200).body();
    List<JsonNode> reminders = StreamSupport.stream(events.spliterator(), false)
        .filter(e -> e.get("type").asText().equals("REMINDER_SENT")).toList();
    assertThat(reminders).extracting(e -> e.get("data").get("reminder").asInt()).containsExactly(1, 2);
    // The first reminder was due during the outage: it could only be written after the database came back.
    assertThat(Instant.parse(reminders.get(0).get("occurredAt").asText())).isAfter(back.minusSeconds(1));
    assertThat(StreamSupport.stream(events.spliterator(), false).filter(e -> e.get("type").asText().equals("DEAL_CLOSED")))
        .hasSize(1);
    assertThat(get("auditor", "/api/v1/deals/" + id + "/trail/verification").body().get("intact").asBoolean()).isTrue();
    assertThat(db.queryForObject("SELECT COUNT(*) FROM job_incident WHERE deal_id = ?", Integer.class, id)).isZero();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
