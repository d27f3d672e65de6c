package io.ttdesk.bench;

import io.ttdesk.history.Actor;
import io.ttdesk.history.Chain;
import io.ttdesk.history.TrailRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Bulk rows for the measurements at scale, written straight to the database in batches. New deals
 * are copies of one the product made, so every column holds what the application would write.
 */
final class Seed implements AutoCloseable {

  private static final int BATCH = 2_000;

  private final Connection db;
  private final Random random = new Random(20261122);

  Seed(String jdbcUrl) throws SQLException {
    db = DriverManager.getConnection(jdbcUrl + "&rewriteBatchedStatements=true", "root", "");
    db.setAutoCommit(false);
  }

  /** Copies of the template deal, in that centre, with fresh ids and references. */
  List<String> deals(String template, String centre, int count, String referencePrefix) throws SQLException {
    List<String> columns = columns("deal");
    columns.removeAll(List.of("id", "reference", "centre"));
    String copy = "INSERT INTO deal (id, reference, centre, " + String.join(", ", columns) + ") SELECT ?, ?, ?, "
        + String.join(", ", columns) + " FROM deal WHERE id = ?";
    List<String> ids = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement(copy)) {
      for (int i = 0; i < count; i++) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        s.setString(1, id);
        s.setString(2, referencePrefix + i);
        s.setString(3, centre);
        s.setString(4, template);
        s.addBatch();
        flushEvery(s, i);
      }
      s.executeBatch();
    }
    db.commit();
    return ids;
  }

  void centresAndBrokers(int centres, int brokersPerCentre) throws SQLException {
    String hash;
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT password_hash FROM app_user WHERE username = 'broker'")) {
      rs.next();
      hash = rs.getString(1);
    }
    try (PreparedStatement c = db.prepareStatement("INSERT INTO centre (code, name, country, currency) VALUES (?, ?, 'CN', 'CNY')");
        PreparedStatement u = db.prepareStatement("INSERT INTO app_user (username, password_hash, display_name, roles, "
            + "centres, enabled) VALUES (?, ?, ?, IF(? LIKE 'bench-manager', 'MANAGER', 'BROKER'), ?, TRUE)")) {
      for (int i = 0; i < centres; i++) {
        c.setString(1, centre(i));
        c.setString(2, "Benchmark centre " + i);
        c.addBatch();
        for (int b = 0; b < brokersPerCentre; b++) {
          u.setString(1, broker(i, b));
          u.setString(2, hash);
          u.setString(3, "Benchmark broker " + i + "/" + b);
          u.setString(4, broker(i, b));
          u.setString(5, centre(i));
          u.addBatch();
        }
      }
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < centres; i++) {
        all.append(i == 0 ? "" : ",").append(centre(i));
      }
      u.setString(1, "bench-manager");
      u.setString(2, hash);
      u.setString(3, "Benchmark manager of every centre");
      u.setString(4, "bench-manager");
      u.setString(5, all.toString());
      u.addBatch();
      c.executeBatch();
      u.executeBatch();
    }
    db.commit();
  }

  static String centre(int i) {
    return "B" + i;
  }

  static String broker(int centre, int b) {
    return "bench-" + centre + "-" + b;
  }

  /**
   * Tasks spread over the deals of each centre: open ones (a third claimed by one of the centre's
   * brokers, due dates from last month to next) and completed ones.
   */
  void tasks(List<List<String>> dealsByCentre, int brokersPerCentre, int open, int completed, long firstId)
      throws SQLException {
    String[] types = {"ScreenDisclosure", "PrepareTermSheet", "ChasePayment", "ChaseRoyaltyReport", "AttendDocketDate",
        "DecideScreeningHit", "ReviewOwnership"};
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    try (PreparedStatement s = db.prepareStatement("INSERT INTO task (id, deal_id, centre, element_id, name, "
        + "candidate_group, assignee, state, due_at, process_instance_key, created_at, ended_at, ended_by, outcome, "
        + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      for (int i = 0; i < open + completed; i++) {
        int c = i % dealsByCentre.size();
        List<String> deals = dealsByCentre.get(c);
        boolean isOpen = i < open;
        String type = types[random.nextInt(types.length)];
        String assignee = isOpen && random.nextInt(3) > 0 ? null : broker(c, random.nextInt(brokersPerCentre));
        s.setLong(1, firstId + i);
        s.setString(2, deals.get(random.nextInt(deals.size())));
        s.setString(3, centre(c));
        s.setString(4, type);
        s.setString(5, type);
        s.setString(6, "brokers:" + centre(c));
        s.setString(7, assignee);
        s.setString(8, isOpen ? "OPEN" : "COMPLETED");
        s.setTimestamp(9, Timestamp.from(now.plus(Duration.ofHours(random.nextInt(24 * 60) - 24 * 30))));
        s.setLong(10, firstId + i);
        s.setTimestamp(11, Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 365)))));
        s.setTimestamp(12, isOpen ? null : Timestamp.from(now));
        s.setString(13, isOpen ? null : assignee);
        s.setString(14, isOpen ? null : "DONE");
        s.addBatch();
        flushEvery(s, i);
      }
      s.executeBatch();
    }
    db.commit();
  }

  /**
   * Deals for the managers' pipeline, spread over the centres and the last two years, with their
   * projection rows, five stage stays each and ten trail events each; written by the database
   * itself from MariaDB's sequence tables (the trail rows are not chained: the pipeline never
   * reads them, and no measurement verifies them).
   */
  void pipeline(String template, int centres, int deals) throws SQLException {
    List<String> columns = columns("deal");
    columns.removeAll(List.of("id", "reference", "centre"));
    String stages = "ELT(1 + s.seq % 9, 'SCREENING', 'VALUATION', 'IP_CHECK', 'LICENSING', 'NEGOTIATION', "
        + "'EXPORT_LICENCE', 'SIGNATURE', 'EXECUTION', 'CLOSED')";
    try (PreparedStatement copy = db.prepareStatement("INSERT INTO deal (id, reference, centre, "
        + String.join(", ", columns) + ") SELECT UUID(), CONCAT('PIPE-', s.seq), CONCAT('B', s.seq % " + centres + "), "
        + String.join(", ", columns) + " FROM deal t JOIN seq_1_to_" + deals + " s WHERE t.id = ?")) {
      copy.setString(1, template);
      copy.executeUpdate();
      db.commit();
    }
    try (Statement st = db.createStatement()) {
      st.execute("INSERT INTO pipeline_deal (deal_id, centre, target_country, technology_field, stage, status, outcome, "
          + "disclosed_at, screened_at, valued_at, cleared_at, offered_at, signed_at, paid_at, closed_at, last_activity_at) "
          + "SELECT z.id, z.centre, ELT(1 + z.seq % 4, 'CN', 'DE', 'US', 'JP'), ELT(1 + z.seq % 3, 'Energy', 'Health', "
          + "'Materials'), " + stages.replace("s.seq", "z.seq") + ", IF(z.seq % 9 = 8, 'CLOSED', 'OPEN'), "
          + "IF(z.seq % 9 = 8, 'COMPLETED', NULL), d0, IF(z.seq % 9 >= 1, d0 + INTERVAL 5 DAY, NULL), "
          + "IF(z.seq % 9 >= 2, d0 + INTERVAL 20 DAY, NULL), IF(z.seq % 9 >= 3, d0 + INTERVAL 40 DAY, NULL), "
          + "IF(z.seq % 9 >= 4, d0 + INTERVAL 60 DAY, NULL), IF(z.seq % 9 >= 7, d0 + INTERVAL 90 DAY, NULL), "
          + "IF(z.seq % 9 >= 8, d0 + INTERVAL 120 DAY, NULL), IF(z.seq % 9 = 8, d0 + INTERVAL 130 DAY, NULL), "
          + "d0 + INTERVAL (z.seq % 9) * 10 DAY "
          + "FROM (SELECT d.id, d.centre, s.seq, NOW(6) - INTERVAL (s.seq % 730) DAY d0 "
          + "FROM (SELECT id, centre, CAST(SUBSTRING(reference, 6) AS UNSIGNED) n FROM deal WHERE reference LIKE 'PIPE-%') d "
          + "JOIN seq_1_to_" + deals + " s ON s.seq = d.n) z");
      db.commit();
      // The day counts, made again from every pipeline row as the migration that added them makes them.
      st.execute("DELETE FROM pipeline_day_count");
      st.execute(migrationInsert("V19__pipeline_counts_and_stage_times", "pipeline_day_count"));
      db.commit();
      // Stays of five to ten days each, different for every deal and stage, as ranking them costs more than ranking equals.
      st.execute("INSERT INTO pipeline_stage_visit (deal_id, centre, stage, entered_at, left_at, seconds) "
          + "SELECT z.deal_id, z.centre, ELT(z.seq, 'SCREENING', 'VALUATION', 'IP_CHECK', 'LICENSING', 'NEGOTIATION'), "
          + "z.entered, z.entered + INTERVAL z.stay SECOND, z.stay FROM (SELECT p.deal_id, p.centre, k.seq, "
          + "p.disclosed_at + INTERVAL (k.seq - 1) * 10 DAY entered, 432000 + CRC32(CONCAT(p.deal_id, k.seq)) % 432000 stay "
          + "FROM pipeline_deal p JOIN seq_1_to_5 k WHERE p.deal_id IN (SELECT id FROM deal WHERE reference LIKE 'PIPE-%')) z");
      st.execute("DELETE FROM pipeline_stage_time");
      st.execute(migrationInsert("V19__pipeline_counts_and_stage_times", "pipeline_stage_time"));
      db.commit();
      // The durations counted by month, from the stage times and the pipeline rows.
      st.execute("DELETE FROM pipeline_month_time");
      st.execute(migrationInsert("V20__pipeline_month_times_and_activity_counts", "pipeline_month_time"));
      db.commit();
      st.execute("DELETE FROM pipeline_activity_count");
      st.execute(migrationInsert("V20__pipeline_month_times_and_activity_counts", "pipeline_activity_count"));
      db.commit();
      st.execute("INSERT INTO history_event (deal_id, occurred_at, actor, actor_kind, type, summary, data, seq, prev_hash, "
          + "hash) SELECT p.deal_id, p.disclosed_at + INTERVAL k.seq HOUR, 'worker:bench', 'SYSTEM', 'STAGE_ENTERED', "
          + "'Stage', '{}', k.seq, REPEAT('0', 64), REPEAT('0', 64) FROM pipeline_deal p JOIN seq_1_to_10 k "
          + "WHERE p.deal_id IN (SELECT id FROM deal WHERE reference LIKE 'PIPE-%')");
      db.commit();
    }
  }

  /** The migration's statement that fills the table from the rows it summarises. */
  private static String migrationInsert(String migration, String table) {
    try (var in = Seed.class.getResourceAsStream("/db/migration/" + migration + ".sql")) {
      String script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      int start = script.indexOf("INSERT INTO " + table + " ");
      return script.substring(start, script.indexOf(';', start));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A trail of that many chained events for one deal, and its head. */
  void trail(String dealId, int events) throws SQLException {
    Actor actor = Actor.user("broker", "BROKER");
    Instant at = Instant.now().minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.MICROS);
    String prev = Chain.GENESIS;
    try (PreparedStatement s = db.prepareStatement("INSERT INTO history_event (deal_id, occurred_at, actor, actor_kind, "
        + "actor_role, type, summary, data, seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int seq = 1; seq <= events; seq++) {
        Instant when = at.plusMillis(seq * 100L);
        String data = "{\"comment\":\"Call with the licensee, note " + seq + "\"}";
        String hash = TrailRows.hash(dealId, when, actor, "COMMENT_ADDED", "Comment added", data, seq, prev);
        s.setString(1, dealId);
        s.setTimestamp(2, Timestamp.from(when));
        s.setString(3, actor.name());
        s.setString(4, actor.kind().name());
        s.setString(5, actor.role());
        s.setString(6, "COMMENT_ADDED");
        s.setString(7, "Comment added");
        s.setString(8, data);
        s.setInt(9, seq);
        s.setString(10, prev);
        s.setString(11, hash);
        s.addBatch();
        flushEvery(s, seq);
        prev = hash;
      }
      s.executeBatch();
    }
    try (PreparedStatement h = db.prepareStatement("INSERT INTO trail_head (deal_id, seq, hash) VALUES (?, ?, ?)")) {
      h.setString(1, dealId);
      h.setInt(2, events);
      h.setString(3, prev);
      h.executeUpdate();
    }
    db.commit();
  }

  /** Counts in a transaction of its own, so each count sees what is committed now. */
  long count(String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } finally {
      db.commit();
    }
  }

  void analyze(String... tables) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("ANALYZE TABLE " + String.join(", ", tables));
    }
    db.commit();
  }

  private List<String> columns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement("SELECT column_name FROM information_schema.columns "
        + "WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  private void flushEvery(PreparedStatement s, int i) throws SQLException {
    if (i % BATCH == BATCH - 1) {
      s.executeBatch();
      db.commit();
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
