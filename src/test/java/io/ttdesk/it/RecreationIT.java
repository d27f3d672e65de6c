package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.DealDeskApplication;
import io.ttdesk.local.EmbeddedInfrastructure;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The local run's restart: the application and its in-memory engine stop, the database stays.
 * On the next start every open deal's process instance is recreated where the deal stood, its
 * open tasks continue with the same people and dates, and each deal goes on to its end with
 * nothing done twice.
 */
class RecreationIT extends DeskClient {

  private static final String TODAY = LocalDate.now().toString();

  private static EmbeddedInfrastructure infra;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void infrastructure() {
    infra = EmbeddedInfrastructure.start(EmbeddedInfrastructure.freePort(), EmbeddedInfrastructure.freePort());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    infra.stop();
  }

  /** The pages are not used here; the applications are started by the test itself. */
  @Override
  void pages() {}

  private void start(Map<String, String> engineAndDatabase) {
    Map<String, Object> properties = new HashMap<>(engineAndDatabase);
    properties.put("server.port", "0");
    properties.put("ttdesk.demo.deals", "false");
    properties.put("camunda.client.worker.defaults.poll-interval", "PT1S");
    properties.put("ttdesk.docket.check-cron", "-");
    properties.put("ttdesk.files.dir", "target/test-files");
    properties.put("ttdesk.engine.recreate-lost-instances", "true");
    // As command-line arguments: they outrank application.yml, whose defaults point at production servers.
    app = new SpringApplicationBuilder(DealDeskApplication.class)
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    json = app.getBean(ObjectMapper.class);
  }

  private void restart(boolean engineLost) {
    app.close();
    start(engineLost ? infra.replaceEngine() : infra.properties());
  }

  private JdbcTemplate db() {
    return app.getBean(JdbcTemplate.class);
  }

  @Test
  void openDealsContinueWhereTheyStoodAfterTheEngineForgetsThem() {
    start(infra.properties());

    // Screening, claimed by a broker who set a follow-up date.
    String screening = disclose(disclosure("SHA", "CN", "CN", null));
    long screen = awaitTask("broker", screening, "ScreenDisclosure");
    post("broker", "/api/v1/tasks/" + screen + "/claim", null).expect(200);
    String followUp = LocalDate.now().plusDays(3).toString();
    post("broker", "/api/v1/tasks/" + screen + "/follow-up", Map.of("followUpOn", followUp)).expect(200);

    // IP check: the screening hit waits for a manager while the patent branch is done.
    String hit = disclose(disclosure("SHA", "CN", "US", "Voltaic Storage, Inc."));
    complete("broker", hit, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    awaitTask("manager", hit, "DecideScreeningHit");
    await().atMost(Duration.ofSeconds(30)).until(() -> historyTypes(hit).contains("PATENT_POSITION_CHECKED"));

    // Negotiation: the offer is out, the answer awaited.
    String answer = dealAwaitingAnswer();

    // Execution, signed 13 months ago: the upfront fee and three reports overdue and chased. Then
    // the upfront fee is paid and split, and the first report is in with its royalty not yet paid.
    String paying = dealSignedOn(LocalDate.now().minusMonths(13));
    String royalties = "/api/v1/deals/" + paying + "/royalty-reports";
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(openTasks(paying)).containsOnlyKeys(
        "ChasePayment:UPFRONT", "ChaseRoyaltyReport:R1", "ChaseRoyaltyReport:R2",
        "ChaseRoyaltyReport:R3"));
    pay(paying, "UPFRONT", "20000.00");
    awaitSplit(paying, "UPFRONT");
    post("broker", royalties, report("R1", "100000.00")).expect(201);
    // The royalty the report made due was due with the report, and is chased at once.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(openTasks(paying)).containsOnlyKeys(
        "ChaseRoyaltyPayment:R1", "ChaseRoyaltyReport:R2", "ChaseRoyaltyReport:R3"));

    List<String> deals = List.of(screening, hit, answer, paying);
    Map<String, Map<String, String>> before = new HashMap<>();
    deals.forEach(d -> before.put(d, openTasks(d)));
    Map<String, Integer> rows = counts();
    long highestKey = db().queryForObject("SELECT MAX(id) FROM task", Long.class);

    restart(true);

    for (String d : deals) {
      assertThat(historyTypes(d)).as("deal %s", d).containsOnlyOnce("PROCESS_RECREATED");
      // The same tasks, with new ids past every key of the lost engine: the earlier ones ended as continued.
      // An earlier task stays open until the new engine hands out its job, so both are awaited together.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        Map<String, String> open = openTasks(d);
        assertThat(open).as("deal %s", d).containsOnlyKeys(before.get(d).keySet());
        open.values().forEach(id -> assertThat(Long.parseLong(id)).as("deal %s", d).isGreaterThan(highestKey));
      });
    }
    JsonNode screenAgain = get("broker", "/api/v1/tasks/" + openTasks(screening).get("ScreenDisclosure:")).expect(200).body();
    assertThat(screenAgain.get("assignee").asText()).isEqualTo("broker");
    assertThat(screenAgain.get("followUpAt").asText()).startsWith(followUp);
    assertThat(db().queryForObject("SELECT outcome FROM task WHERE id = ?", String.class, screen)).isEqualTo("CONTINUED");
    assertThat(counts()).isEqualTo(rows);

    // A start with the engine's state intact recreates nothing.
    restart(false);
    deals.forEach(d -> assertThat(historyTypes(d)).containsOnlyOnce("PROCESS_RECREATED"));

    // Each deal goes on from where it stood.
    post("broker", "/api/v1/tasks/" + openTasks(screening).get("ScreenDisclosure:") + "/complete",
        Map.of("decision", "NOT_PURSUE", "comment", "No market")).expect(200);
    awaitStage(screening, "CLOSED");

    post("manager", "/api/v1/tasks/" + openTasks(hit).get("DecideScreeningHit:") + "/complete",
        Map.of("decision", "CLEAR", "reason", "Different entity")).expect(200);
    awaitTask("broker", hit, "PrepareTermSheet");

    post("broker", "/api/v1/deals/" + answer + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);
    post("broker", "/api/v1/deals/" + answer + "/signature", Map.of("signedOn", TODAY, "signedBy", "Licensee CEO"))
        .expect(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> deal(answer).get("schedule").size() == 2);

    pay(paying, "R1", "3000.00");
    pay(paying, "M1", "25000.00");
    post("broker", royalties, report("R2", "0.00")).expect(201);
    post("broker", royalties, report("R3", "0.00")).expect(201);
    // The year earned 3,000.00 of its 5,000.00 minimum: the last report makes 2,000.00 due.
    post("broker", royalties, report("R4", "0.00")).expect(201);
    pay(paying, "R4", "2000.00");
    awaitStage(paying, "CLOSED");
    assertThat(deal(paying).get("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(db().queryForList("SELECT milestone FROM payment p WHERE deal_id = ? AND EXISTS "
        + "(SELECT 1 FROM ledger_line l WHERE l.payment_id = p.id)", String.class, paying))
        .containsExactlyInAnyOrder("UPFRONT", "R1", "M1", "R4");
    // Each payment was split once.
    assertThat(db().queryForObject("SELECT COUNT(*) FROM history_event WHERE deal_id = ? AND type = 'PAYMENT_SPLIT'",
        Integer.class, paying)).isEqualTo(4);
    for (String d : deals) {
      assertThat(get("auditor", "/api/v1/deals/" + d + "/trail/verification").body().get("intact").asBoolean()).isTrue();
    }
  }

  /** Open tasks by step and subject ("ChasePayment:M1", "ScreenDisclosure:"), with their ids. */
  private Map<String, String> openTasks(String dealId) {
    Map<String, String> open = new TreeMap<>();
    db().query("SELECT element_id, subject, id FROM task WHERE deal_id = ? AND state = 'OPEN'", rs -> {
      open.put(rs.getString(1) + ":" + (rs.getString(2) == null ? "" : rs.getString(2)), rs.getString(3));
    }, dealId);
    return open;
  }

  /** Rows that a step done twice would add. */
  private Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String table : List.of("valuation", "term_sheet", "ip_check", "ledger_line", "payment", "royalty_report",
        "scheduled_payment", "royalty_period")) {
      counts.put(table, db().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
    }
    return counts;
  }

  private void pay(String dealId, String milestone, String amount) {
    post("broker", "/api/v1/deals/" + dealId + "/payments", Map.of("milestone", milestone, "amount", amount,
        "currency", "USD", "receivedOn", TODAY)).expect(201);
    awaitSplit(dealId, milestone);
  }

  private void awaitSplit(String dealId, String milestone) {
    await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(
        get("auditor", "/api/v1/deals/" + dealId + "/ledger").body().spliterator(), false)
        .anyMatch(p -> p.get("milestone").asText().equals(milestone) && !p.get("lines").isEmpty()));
  }

  private static Map<String, Object> report(String period, String netSales) {
    return Map.of("period", period, "netSales", netSales, "currency", "USD", "reportedOn", TODAY,
        "reference", "Licensee statement " + period);
  }
}
