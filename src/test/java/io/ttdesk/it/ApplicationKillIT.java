package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.local.DemoData;
import io.ttdesk.local.EmbeddedInfrastructure;
import io.ttdesk.local.StandaloneBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application is killed (SIGKILL) while it holds an activated job, and started again: the
 * engine hands the job out again after its timeout, the new process does the work once, and no
 * history, task or valuation row is doubled. The application runs as its own process against a
 * real standalone broker, so nothing of it survives the kill.
 */
class ApplicationKillIT {

  private static final String SCHEMA = "ttdesk_killed";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static StandaloneBroker broker;
  private static Map<String, String> properties;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process app;
  private io.ttdesk.local.ChildApplication child;
  private int port;

  @BeforeAll
  static void engine() throws Exception {
    broker = new StandaloneBroker(StandaloneBroker.home());
    broker.start();
    properties = EmbeddedInfrastructure.shared().propertiesWithDatabase(SCHEMA);
    properties.put("camunda.client.grpc-address", broker.grpcAddress());
    // A held job comes back after 10 seconds instead of the default minutes.
    properties.put("camunda.client.worker.defaults.timeout", "PT10S");
    properties.put("camunda.client.worker.defaults.poll-interval", "PT1S");
    properties.put("ttdesk.docket.check-cron", "-");
    properties.put("ttdesk.files.dir", "target/test-files");
  }

  @AfterAll
  static void stopEngine() throws InterruptedException {
    broker.stop();
  }

  @org.junit.jupiter.api.AfterEach
  void stopApplication() throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aKilledApplicationsHeldJobIsDoneOnceByTheNextOne() throws Exception {
    start();
    String id = post("/api/v1/deals", disclosure()).get("id").asText();
    long screen = awaitTask(id, "ScreenDisclosure");

    try (Connection db = EmbeddedInfrastructure.shared().connect(SCHEMA); Statement s = db.createStatement()) {
      // While this transaction holds the gap where the deal's valuation goes, the valuation worker activates
      // its job and then waits to insert it. (A table lock would also stop the task's completion on MySQL,
      // which locks the tables related by foreign keys to the deal it updates.)
      db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      db.setAutoCommit(false);
      s.executeQuery("SELECT id FROM valuation WHERE deal_id = '" + id + "' FOR UPDATE").close();
      post("/api/v1/tasks/" + screen + "/complete", Map.of("decision", "PURSUE"));
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> waitingOnValuation(s));
      app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      db.commit();
      db.setAutoCommit(true);
      assertThat(count(s, "SELECT COUNT(*) FROM valuation WHERE deal_id = '" + id + "'")).isZero();
    }

    start();
    long prepare = awaitTask(id, "PrepareTermSheet");
    assertThat(prepare).isPositive();
    try (Connection db = EmbeddedInfrastructure.shared().connect(SCHEMA); Statement s = db.createStatement()) {
      assertThat(count(s, "SELECT COUNT(*) FROM valuation WHERE deal_id = '" + id + "'")).isEqualTo(1);
      assertThat(count(s, "SELECT COUNT(*) FROM history_event WHERE deal_id = '" + id
          + "' AND type = 'VALUATION_COMPUTED'")).isEqualTo(1);
      assertThat(count(s, "SELECT COUNT(*) FROM task WHERE deal_id = '" + id + "'")).isEqualTo(2);
      assertThat(count(s, "SELECT COUNT(*) FROM history_event WHERE deal_id = '" + id
          + "' AND type = 'TASK_COMPLETED'")).isEqualTo(1);
    }
    assertThat(get("/api/v1/deals/" + id + "/trail/verification").get("intact").asBoolean()).isTrue();
    app.destroy();
    app.waitFor(60, TimeUnit.SECONDS);
  }

  /** The killed process's worker sits in a wait to insert the valuation. */
  private static boolean waitingOnValuation(Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.processlist"
        + " WHERE info LIKE 'insert into valuation%'")) {
      return rs.next() && rs.getInt(1) > 0;
    }
  }

  private static int count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Starts the application as a process of its own and waits until it answers. */
  private void start() throws Exception {
    child = io.ttdesk.local.ChildApplication.start(properties, List.of("-Xmx512m"),
        Path.of("target", "killed-application.log"));
    app = child.process();
    port = child.port();
  }

  private long awaitTask(String dealId, String type) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
      for (JsonNode t : get("/api/v1/tasks?dealId=" + dealId)) {
        if (t.get("type").asText().equals(type)) {
          return t.get("id").asLong();
        }
      }
      return null;
    }, java.util.Objects::nonNull);
  }

  private JsonNode get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
  }

  private JsonNode post(String path, Object body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private JsonNode send(HttpRequest.Builder r) throws Exception {
    HttpResponse<String> res = http.send(r.timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString(("broker:" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isBetween(200, 299);
    return JSON.readTree(res.body());
  }

  private static Map<String, Object> disclosure() {
    return DeskClient.disclosure("SHA", "CN", "CN", null);
  }
}
