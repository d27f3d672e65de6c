package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import io.ttdesk.local.EmbeddedInfrastructure;
import io.ttdesk.local.StandaloneBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real standalone engine process (Zeebe 8.6.0 from Maven Central), which is
 * stopped and started again in the middle of a deal: while it is away commands are refused with
 * nothing stored; once it is back the application reconnects by itself and the deal goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ttdesk.demo.deals=false", "camunda.client.worker.defaults.poll-interval=PT1S",
        "ttdesk.docket.check-cron=-", "ttdesk.files.dir=target/test-files", "ttdesk.tasks.keep-interval=PT24H"})
// Its context would otherwise stay cached, polling a broker that is gone.
@org.springframework.test.annotation.DirtiesContext
class BrokerRestartIT extends DeskClient {

  private static StandaloneBroker broker;

  /** A database of its own on the shared server, and the standalone broker instead of the embedded engine. */
  @DynamicPropertySource
  static void standaloneEngine(DynamicPropertyRegistry registry) throws Exception {
    EmbeddedInfrastructure.shared().propertiesWithDatabase("ttdesk_standalone")
        .forEach((k, v) -> registry.add(k, () -> v));
    broker = new StandaloneBroker(StandaloneBroker.home());
    broker.start();
    registry.add("camunda.client.grpc-address", broker::grpcAddress);
  }

  @AfterAll
  static void stopBroker() throws InterruptedException {
    broker.stop();
  }

  @Autowired
  JdbcTemplate db;

  @Test
  void aDealGoesOnAfterTheEngineIsStoppedAndStartedAgain() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    long prepare = awaitTask("broker", id, "PrepareTermSheet");
    int events = events(id);

    broker.stop();
    post("broker", "/api/v1/tasks/" + prepare + "/complete", termSheet(20000, LocalDate.now().plusMonths(6).toString()))
        .expect(503);
    assertThat(get("broker", "/api/v1/tasks/" + prepare).body().get("state").asText()).isEqualTo("OPEN");
    assertThat(db.queryForObject("SELECT COUNT(*) FROM term_sheet WHERE deal_id = ?", Integer.class, id)).isZero();
    assertThat(events(id)).isEqualTo(events);

    broker.start();
    // The broker is ready before its partition has recovered; a completion sent meanwhile can time
    // out here yet be applied there, and the job is then gone. So complete once the application
    // reports the engine UP (every partition with a healthy leader).
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofSeconds(1))
        .until(() -> json.readTree(raw("admin", "GET", "/actuator/health", null, null).body())
            .path("components").path("engine").path("status").asText(), "UP"::equals);
    post("broker", "/api/v1/tasks/" + prepare + "/complete", termSheet(20000, LocalDate.now().plusMonths(6).toString()))
        .expect(200);
    awaitStage(id, "NEGOTIATION");
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/signature",
        Map.of("signedOn", LocalDate.now().toString(), "signedBy", "Licensee CEO")).expect(202);
    awaitStage(id, "EXECUTION");
    // The contract-activation worker builds the schedule once the engine has the signature.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> db.queryForObject("SELECT COUNT(*) FROM scheduled_payment WHERE deal_id = ?", Integer.class, id),
            n -> n > 0);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM term_sheet WHERE deal_id = ?", Integer.class, id)).isEqualTo(1);
    assertThat(get("auditor", "/api/v1/deals/" + id + "/trail/verification").body().get("intact").asBoolean()).isTrue();
  }

  private int events(String dealId) {
    return db.queryForObject("SELECT COUNT(*) FROM history_event WHERE deal_id = ?", Integer.class, dealId);
  }
}
