package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttdesk.local.DemoData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Health for probes and people, Prometheus metrics for the scraper, and who may read which; logs that name the deal. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT extends ApiTest {

  @Autowired
  JdbcTemplate db;

  private static final String SCRAPER = "metrics";

  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, String body) {}

  private Answer actuator(String user, String password, String path) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (user != null) {
      r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(res.statusCode(), res.body());
  }

  private Answer as(String demoUser, String path) throws Exception {
    return actuator(demoUser, DemoData.PASSWORD, path);
  }

  private JsonNode health(String user, String password, String path) throws Exception {
    Answer a = actuator(user, password, path);
    assertThat(a.status()).as("%s as %s: %s", path, user, a.body()).isEqualTo(200);
    return json.readTree(a.body());
  }

  @Test
  void healthReportsTheEngineAndTheDatabaseWithDetailsOnlyForAdminsAndTheScraper() throws Exception {
    JsonNode anonymous = health(null, null, "/actuator/health");
    assertThat(anonymous.get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).isFalse();
    assertThat(health("broker", DemoData.PASSWORD, "/actuator/health").has("components")).isFalse();
    assertThat(health("manager", DemoData.PASSWORD, "/actuator/health").has("components")).isFalse();

    for (JsonNode full : List.of(health("admin", DemoData.PASSWORD, "/actuator/health"),
        health(SCRAPER, ApiTest.SCRAPE_PASSWORD, "/actuator/health"))) {
      JsonNode components = full.get("components");
      assertThat(components.at("/db/status").asText()).isEqualTo("UP");
      JsonNode engine = components.get("engine");
      assertThat(engine.get("status").asText()).as("%s", engine).isEqualTo("UP");
      assertThat(engine.at("/details/brokers").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(engine.at("/details/partitions").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(engine.at("/details/partitionsWithoutHealthyLeader")).isEmpty();
      // The starter's own engine check is replaced, not doubled.
      assertThat(components.has("camunda")).isFalse();
    }
  }

  @Test
  void readinessWaitsForTheDatabaseAndTheEngineAndLivenessForNeither() throws Exception {
    assertThat(health(null, null, "/actuator/health/readiness").get("status").asText()).isEqualTo("UP");
    assertThat(health(null, null, "/actuator/health/liveness").get("status").asText()).isEqualTo("UP");
    assertThat(health(null, null, "/actuator/health/readiness").has("components")).isFalse();

    JsonNode readiness = health("admin", DemoData.PASSWORD, "/actuator/health/readiness").get("components");
    assertThat(readiness.properties()).extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("readinessState", "db", "engine");
    JsonNode liveness = health("admin", DemoData.PASSWORD, "/actuator/health/liveness");
    assertThat(liveness.get("status").asText()).isEqualTo("UP");
    assertThat(liveness.toString()).as("%s", liveness).doesNotContain("\"db\"").doesNotContain("\"engine\"");
  }

  @Test
  void onlyAdminsAndTheScraperReadMetrics() throws Exception {
    Answer anonymous = actuator(null, null, "/actuator/prometheus");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(json.readTree(anonymous.body()).get("type").asText()).endsWith("/unauthorized");
    for (String user : List.of("broker", "manager", "auditor")) {
      Answer refused = as(user, "/actuator/prometheus");
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(json.readTree(refused.body()).get("type").asText()).endsWith("/forbidden");
      assertThat(as(user, "/actuator/metrics").status()).as(user).isEqualTo(403);
    }
    assertThat(actuator(SCRAPER, "wrong", "/actuator/prometheus").status()).isEqualTo(401);
    assertThat(actuator(SCRAPER, ApiTest.SCRAPE_PASSWORD, "/actuator/prometheus").status()).isEqualTo(200);
    assertThat(as("admin", "/actuator/prometheus").status()).isEqualTo(200);
    // The scrape account reads metrics and health, nothing else, and is no user of the API.
    assertThat(actuator(SCRAPER, ApiTest.SCRAPE_PASSWORD, "/actuator/metrics").status()).isEqualTo(403);
    assertThat(actuator(SCRAPER, ApiTest.SCRAPE_PASSWORD, "/api/v1/deals").status()).isEqualTo(401);
    assertThat(as("admin", "/actuator/metrics").status()).isEqualTo(200);
    assertThat(as("broker", "/actuator").status()).isEqualTo(403);
  }

  @Test
  void prometheusCountsJobsTasksAndStageTimesWhenADealMoves() throws Exception {
    String before = scrape();
    double screeningLeft = sample(before, "ttdesk_stage_duration_seconds_count", "stage", "SCREENING");
    double tasksCompleted = sample(before, "ttdesk_tasks", "state", "COMPLETED");
    double userTasksActivated = sample(before, "camunda_job_invocations_total", "action", "activated",
        "type", "io.camunda.zeebe:userTask");

    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    long termSheet = awaitTask("broker", id, "PrepareTermSheet");
    double overdueBefore = sample(before, "ttdesk_tasks_overdue");
    // The term-sheet task falls overdue: stored times are UTC wall-clock times.
    db.update("UPDATE task SET due_at = ? WHERE id = ?",
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(1), termSheet);

    // The task gauges are read from the database at most every ten seconds.
    String after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(this::scrape,
        text -> sample(text, "ttdesk_tasks", "state", "COMPLETED") >= tasksCompleted + 1);
    assertThat(sample(after, "ttdesk_stage_duration_seconds_count", "stage", "SCREENING"))
        .isGreaterThanOrEqualTo(screeningLeft + 1);
    assertThat(sample(after, "ttdesk_stage_duration_seconds_bucket", "stage", "SCREENING", "le", "86400.0"))
        .isGreaterThanOrEqualTo(screeningLeft + 1);
    assertThat(sample(after, "camunda_job_invocations_total", "action", "activated",
        "type", "io.camunda.zeebe:userTask")).isGreaterThanOrEqualTo(userTasksActivated + 2);
    assertThat(sample(after, "ttdesk_tasks", "state", "OPEN")).isGreaterThanOrEqualTo(1);
    for (String gauge : List.of("ttdesk_tasks_overdue", "ttdesk_docket_overdue", "ttdesk_payments_overdue")) {
      assertThat(after).containsPattern("(?m)^" + gauge + "\\{");
      // NaN would mean the database could not be read.
      assertThat(sample(after, gauge)).as(gauge).isNotNaN().isGreaterThanOrEqualTo(0);
    }
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
        .until(() -> sample(scrape(), "ttdesk_tasks_overdue") >= (Double.isNaN(overdueBefore) ? 0 : overdueBefore) + 1);
    // Labels stay few: no deal id or reference in any of them.
    assertThat(after).doesNotContain(id).doesNotContain(deal(id).get("reference").asText());
  }

  @Test
  void aFailingJobIsCountedPerTypeAndItsLogLinesNameTheDealAndTheJob(CapturedOutput output) throws Exception {
    String before = scrape();
    double failed = sample(before, "camunda_job_invocations_total", "action", "failed", "type", "valuation-compute");
    double incidents = sample(before, "ttdesk_job_incidents_total", "type", "valuation-compute");

    String id = disclose(disclosure("SHA", "CN", "CN", null));
    String reference = deal(id).get("reference").asText();
    String good = db.queryForObject("SELECT projected_revenue FROM deal WHERE id = ?", String.class, id);
    // Valuation inputs the worker cannot read: each of its three attempts fails.
    db.update("UPDATE deal SET projected_revenue = 'not a list' WHERE id = ?", id);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));

    // The client counts a failed invocation only once the engine has answered its fail command, which
    // can be after the third failure's incident is counted: wait for both counters together.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(this::scrape,
        text -> sample(text, "ttdesk_job_incidents_total", "type", "valuation-compute") >= incidents + 1
            && sample(text, "camunda_job_invocations_total", "action", "failed", "type", "valuation-compute")
                >= failed + 3);
    assertThat(output.getAll().lines()
        .filter(l -> l.contains("deal=" + reference + " dealId=" + id + " job=") && l.contains("valuation-compute")))
        .as("worker log lines of %s", reference).hasSizeGreaterThanOrEqualTo(3);

    // Fixed and sent on, so the deal leaves no open incident behind.
    db.update("UPDATE deal SET projected_revenue = ? WHERE id = ?", good, id);
    long jobKey = await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForList(
        "SELECT job_key FROM job_incident WHERE deal_id = ? AND retried_at IS NULL", Long.class, id),
        keys -> !keys.isEmpty()).getFirst();
    post("manager", "/api/v1/incidents/" + jobKey + "/retry", null).expect(200);
    awaitTask("broker", id, "PrepareTermSheet");
  }

  private String scrape() throws Exception {
    Answer a = actuator(SCRAPER, ApiTest.SCRAPE_PASSWORD, "/actuator/prometheus");
    assertThat(a.status()).isEqualTo(200);
    return a.body();
  }

  /** The sum of a metric's samples that carry the given labels (name, value, ...); 0 if there is none. */
  private static double sample(String text, String metric, String... labels) {
    double sum = 0;
    Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(text);
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= found.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }
}
