package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.ttdesk.local.EmbeddedInfrastructure;
import io.ttdesk.pipeline.PipelineProjection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Upgrades: a database of the previous release, with that release's data in it, is upgraded by the
 * application's own start (Flyway, then Hibernate's schema validation), and must end with the same
 * schema as a database migrated from nothing, every row kept, every trail still intact and every
 * deal and open task readable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ttdesk.demo.deals=false", "ttdesk.docket.check-cron=-", "ttdesk.files.dir=target/test-files",
        "ttdesk.tasks.keep-interval=PT24H"})
class SchemaMigrationIT extends DeskClient {

  @Autowired
  JdbcTemplate db;

  @Autowired
  PipelineProjection projection;

  /** The schema version of the previous release, whose data is in db/previous-release/data.sql. */
  static final String PREVIOUS_RELEASE = "17";

  private static final String UPGRADED = "ttdesk_upgraded";
  private static final String FRESH = "ttdesk_fresh";

  private static ZeebeTestEngine engine;
  private static Map<String, Long> rowsBefore;

  @DynamicPropertySource
  static void previousRelease(DynamicPropertyRegistry registry) throws SQLException {
    EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
    Map<String, String> properties = infra.propertiesWithDatabase(UPGRADED);
    flyway(UPGRADED).target(PREVIOUS_RELEASE).load().migrate();
    try (Connection c = infra.connect(UPGRADED)) {
      // The dump holds rows table by table in name order, not in the order of their foreign keys.
      try (Statement s = c.createStatement()) {
        s.execute("SET FOREIGN_KEY_CHECKS = 0");
      }
      ScriptUtils.executeSqlScript(c, new ClassPathResource("db/previous-release/data.sql"));
      try (Statement s = c.createStatement()) {
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
      rowsBefore = rowCounts(c);
    }
    // Its own engine: the application's workers must not take the jobs of the shared one's deals.
    engine = EngineFactory.create(EmbeddedInfrastructure.freePort());
    engine.start();
    properties.put("camunda.client.grpc-address", "http://" + engine.getGatewayAddress());
    properties.forEach((k, v) -> registry.add(k, () -> v));
  }

  @AfterAll
  static void stopEngine() {
    engine.stop();
  }

  @Test
  void theUpgradedSchemaIsTheSchemaMadeFromNothing() throws SQLException {
    EmbeddedInfrastructure.shared().propertiesWithDatabase(FRESH);
    flyway(FRESH).load().migrate();

    MigrationInfo[] upgraded = flyway(UPGRADED).load().info().all();
    MigrationInfo[] fresh = flyway(FRESH).load().info().all();
    assertThat(upgraded).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
    assertThat(fresh).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
    assertThat(versions(upgraded)).isEqualTo(versions(fresh))
        .as("the previous release is an earlier version than this one").contains(PREVIOUS_RELEASE);

    try (Connection up = connect(UPGRADED); Connection fr = connect(FRESH)) {
      assertThat(schema(up)).isEqualTo(schema(fr)).isNotEmpty();
    }
  }

  @Test
  void everyRowOfThePreviousReleaseIsKept() throws SQLException {
    assertThat(rowsBefore).containsEntry("deal", 27L).containsEntry("history_event", 386L);
    try (Connection c = connect(UPGRADED)) {
      Map<String, Long> after = rowCounts(c);
      rowsBefore.forEach((table, rows) -> assertThat(after.get(table)).as(table).isEqualTo(rows));
    }
  }

  @Test
  void thePipelineCountsStageTimesAndMonthTimesAreMadeFromThePreviousReleasesRows() {
    assertThat(db.queryForObject("SELECT SUM(deals) FROM pipeline_day_count WHERE dimension = 'STAGE'", Long.class))
        .isEqualTo(27L);
    assertThat(PipelineCountCheck.disagreements(db)).isEmpty();
    // Each deal's time in each stage it left: one row per deal and stage, all its stays added up.
    Map<String, Object> t = db.queryForMap("""
        SELECT (SELECT COUNT(*) FROM pipeline_stage_time) kept,
               (SELECT COUNT(DISTINCT deal_id, stage) FROM pipeline_stage_visit WHERE left_at IS NOT NULL) stayed,
               (SELECT SUM(seconds) FROM pipeline_stage_time) kept_seconds,
               (SELECT SUM(seconds) FROM pipeline_stage_visit WHERE left_at IS NOT NULL) stayed_seconds""");
    assertThat(((Number) t.get("kept")).longValue()).isGreaterThan(50).isEqualTo(((Number) t.get("stayed")).longValue());
    assertThat(t.get("kept_seconds").toString()).isEqualTo(t.get("stayed_seconds").toString());
    // Counted by month: every stage time, every signature twice (its time and its days) and every close.
    assertThat(db.queryForObject("""
        SELECT (SELECT SUM(deals) FROM pipeline_month_time) - (SELECT COUNT(*) FROM pipeline_stage_time)
          - (SELECT 2 * COUNT(signed_at) + COUNT(closed_at) FROM pipeline_deal)""", Long.class)).isZero();
    assertThat(db.queryForObject("SELECT COUNT(signed_at) FROM pipeline_deal", Long.class)).isPositive();
    assertThat(db.queryForObject("SELECT SUM(open_deals) FROM pipeline_activity_count", Long.class))
        .isEqualTo(db.queryForObject("SELECT COUNT(*) FROM deal WHERE status = 'OPEN'", Long.class)).isPositive();
  }

  @Test
  void thePipelineTablesDeletedAreBuiltAgainFromTheTrailsAsTheMigrationMadeThem() {
    List<String> tables = List.of("pipeline_activity_count", "pipeline_month_time", "pipeline_day_count",
        "pipeline_stage_time", "pipeline_stage_visit", "pipeline_deal");
    String[] orders = {"centre, active_on", "centre, in_month, measure, bucket", "centre, disclosed_on, dimension, item",
        "deal_id, stage", "deal_id, entered_at", "deal_id"};
    Map<String, List<Map<String, Object>>> before = new TreeMap<>();
    for (int i = 0; i < tables.size(); i++) {
      before.put(tables.get(i), rows(tables.get(i), orders[i]));
    }
    assertThat(before.get("pipeline_deal")).hasSize(27);

    tables.forEach(t -> db.update("DELETE FROM " + t));
    db.queryForList("SELECT id FROM deal", String.class).forEach(projection::build);

    for (int i = 0; i < tables.size(); i++) {
      List<Map<String, Object>> again = rows(tables.get(i), orders[i]);
      if (tables.get(i).equals("pipeline_day_count")) {
        // The migration also wrote the funnel steps no deal of a day reached; a rebuild writes no zeros.
        assertThat(again).isEqualTo(before.get(tables.get(i)).stream()
            .filter(r -> ((Number) r.get("deals")).intValue() != 0).toList());
      } else {
        assertThat(again).as(tables.get(i)).isEqualTo(before.get(tables.get(i)));
      }
    }
  }

  private List<Map<String, Object>> rows(String table, String order) {
    // Without the visits' generated ids, which a rebuild numbers anew.
    String columns = table.equals("pipeline_stage_visit") ? "deal_id, centre, stage, entered_at, left_at, seconds" : "*";
    return db.queryForList("SELECT " + columns + " FROM " + table + " ORDER BY " + order);
  }

  @Test
  void everyTrailIsStillIntactAndEveryDealReadable() throws SQLException {
    List<String[]> deals = new ArrayList<>();
    try (Connection c = connect(UPGRADED);
        var rs = c.createStatement().executeQuery("SELECT id, reference, stage FROM deal ORDER BY reference")) {
      while (rs.next()) {
        deals.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    assertThat(deals).hasSize(27);
    for (String[] d : deals) {
      JsonNode verification = get("auditor", "/api/v1/deals/" + d[0] + "/trail/verification").expect(200).body();
      assertThat(verification.get("intact").asBoolean()).as("trail of %s: %s", d[1], verification).isTrue();
      assertThat(verification.get("events").asInt()).as(d[1]).isPositive();
      JsonNode deal = get("manager", "/api/v1/deals/" + d[0]).expect(200).body();
      assertThat(deal.get("reference").asText()).isEqualTo(d[1]);
      assertThat(deal.get("stage").asText()).isEqualTo(d[2]);
    }
  }

  @Test
  void theOpenTasksOfThePreviousReleaseAreListed() throws SQLException {
    long open;
    try (Connection c = connect(UPGRADED);
        var rs = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM task WHERE state = 'OPEN' AND candidate_group = 'brokers:SHA'")) {
      rs.next();
      open = rs.getLong(1);
    }
    assertThat(open).isPositive();
    Reply tasks = get("broker2", "/api/v1/tasks?filter=GROUPS&size=500").expect(200);
    assertThat(Long.parseLong(tasks.total())).isEqualTo(open);
    assertThat(get("manager", "/api/v1/pipeline").expect(200).body().get("byStage")).isNotEmpty();
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String schema) {
    Map<String, String> p = EmbeddedInfrastructure.shared().propertiesWithDatabase(schema);
    return Flyway.configure().dataSource(p.get("spring.datasource.url"), p.get("spring.datasource.username"),
        p.get("spring.datasource.password")).locations("classpath:db/migration");
  }

  private static Connection connect(String schema) throws SQLException {
    return EmbeddedInfrastructure.shared().connect(schema);
  }

  private static List<String> versions(MigrationInfo[] infos) {
    return java.util.Arrays.stream(infos).map(i -> i.getVersion().getVersion()).toList();
  }

  private static Map<String, Long> rowCounts(Connection c) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    List<String> tables = new ArrayList<>();
    try (var rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    tables.remove("flyway_schema_history");
    for (String table : tables) {
      try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        counts.put(table, rs.getLong(1));
      }
    }
    return counts;
  }

  /** Every column (type, nullability, default), foreign key, table collation and index of the schema. */
  private static List<String> schema(Connection c) throws SQLException {
    String database = c.getCatalog();
    List<String> lines = new ArrayList<>();
    try (var ps = c.prepareStatement("""
        SELECT CONCAT_WS(' ', table_name, column_name, column_type, is_nullable, COALESCE(column_default, '-'),
               extra, COALESCE(character_set_name, '-'), COALESCE(collation_name, '-'))
        FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, column_name""")) {
      ps.setString(1, database);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    try (var ps = c.prepareStatement("""
        SELECT CONCAT_WS(' ', k.table_name, k.constraint_name, k.column_name, k.referenced_table_name,
               k.referenced_column_name, r.update_rule, r.delete_rule)
        FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r
          ON r.constraint_schema = k.table_schema AND r.constraint_name = k.constraint_name
        WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL
        UNION ALL
        SELECT CONCAT_WS(' ', table_name, table_collation) FROM information_schema.tables WHERE table_schema = ?
        ORDER BY 1""")) {
      ps.setString(1, database);
      ps.setString(2, database);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    try (var ps = c.prepareStatement("""
        SELECT CONCAT_WS(' ', table_name, index_name, non_unique,
               GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ','))
        FROM information_schema.statistics WHERE table_schema = ?
        GROUP BY table_name, index_name, non_unique ORDER BY table_name, index_name""")) {
      ps.setString(1, database);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    return lines;
  }
}
