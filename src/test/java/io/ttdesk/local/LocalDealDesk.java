package io.ttdesk.local;

import io.ttdesk.DealDeskApplication;
import org.springframework.boot.SpringApplication;

/**
 * The local run: embedded engine and database, demo users and demo deals, on port 8080.
 * Started by {@code ./mvnw spring-boot:test-run}.
 */
public final class LocalDealDesk {

  private LocalDealDesk() {}

  public static void main(String[] args) {
    int dbPort = Integer.getInteger("ttdesk.local.db-port", 3307);
    int enginePort = Integer.getInteger("ttdesk.local.engine-port", 26500);
    EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(dbPort, enginePort);
    // System properties outrank application.yml, whose defaults point at production servers.
    infra.properties().forEach(System::setProperty);
    System.setProperty("ttdesk.demo.deals", "true");
    // Like the embedded database, attached files last as long as the demo.
    System.setProperty("ttdesk.files.dir", System.getProperty("java.io.tmpdir") + "/ttdesk-demo-files");
    SpringApplication.run(DealDeskApplication.class, args);
  }
}
