package io.ttdesk.local;

import io.ttdesk.DealDeskApplication;
import java.io.File;
import org.springframework.boot.SpringApplication;

/**
 * The local run: embedded engine and database, demo users and demo deals, on port 8080. The
 * database and attached files stay under {@code target/local-data} from one run to the next.
 * Started by {@code ./mvnw spring-boot:test-run}.
 */
public final class LocalDealDesk {

  private LocalDealDesk() {}

  public static void main(String[] args) {
    int dbPort = Integer.getInteger("ttdesk.local.db-port", 3307);
    int enginePort = Integer.getInteger("ttdesk.local.engine-port", 26500);
    File data = new File(System.getProperty("ttdesk.local.data-dir", "target/local-data")).getAbsoluteFile();
    EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(dbPort, enginePort, new File(data, "db"));
    // System properties outrank application.yml, whose defaults point at production servers.
    infra.properties().forEach(System::setProperty);
    System.setProperty("ttdesk.demo.deals", "true");
    System.setProperty("ttdesk.files.dir", new File(data, "files").getPath());
    // The database outlives the in-memory engine: each start recreates the open deals' processes.
    System.setProperty("ttdesk.engine.recreate-lost-instances", "true");
    SpringApplication.run(DealDeskApplication.class, args);
  }
}
