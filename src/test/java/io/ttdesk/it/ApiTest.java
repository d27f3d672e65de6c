package io.ttdesk.it;

import io.ttdesk.local.EmbeddedInfrastructure;
import io.ttdesk.local.StandaloneBroker;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the embedded engine and MariaDB, driven only through its REST API as the
 * demo users. The integration tests on the embedded engine share this one context; with
 * -Pstandalone-engine the engine is a standalone broker instead, one for the JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ttdesk.demo.deals=false", "camunda.client.worker.defaults.poll-interval=PT1S",
        "ttdesk.docket.check-cron=-", "ttdesk.files.dir=target/test-files", "ttdesk.tasks.keep-interval=PT24H",
        "ttdesk.metrics.password=" + ApiTest.SCRAPE_PASSWORD})
// Metrics are exported as in production (Spring Boot tests turn the Prometheus registry off otherwise).
@AutoConfigureObservability(tracing = false)
abstract class ApiTest extends DeskClient {

  /** The password of the Prometheus scrape account, {@code metrics}. */
  static final String SCRAPE_PASSWORD = "scrape-secret";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    EmbeddedInfrastructure.shared().properties().forEach((k, v) -> registry.add(k, () -> v));
    if (StandaloneBroker.forTests()) {
      registry.add("camunda.client.grpc-address", () -> StandaloneBroker.shared().grpcAddress());
    }
  }
}
