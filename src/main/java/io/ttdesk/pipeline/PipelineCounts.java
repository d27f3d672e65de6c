package io.ttdesk.pipeline;

import io.ttdesk.pipeline.PipelineDeal.ActiveDay;
import io.ttdesk.pipeline.PipelineDeal.DayCount;
import java.sql.Date;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps pipeline_day_count, pipeline_month_time and pipeline_activity_count in step with the
 * pipeline rows and stage times.
 * A transaction notes what each deal it touches counted as it stood, and just before it commits
 * adds the difference to what the deal counts now. The rows are changed last, one table after the
 * other and each in key order, so transactions of deals counted in the same rows wait for each
 * other briefly but never deadlock on them.
 */
@Component
class PipelineCounts {

  private final JdbcTemplate db;
  private final PipelineDealRepository rows;

  PipelineCounts(JdbcTemplate db, PipelineDealRepository rows) {
    this.db = db;
    this.rows = rows;
  }

  /** Notes a deal's counts before the transaction changes its row (null: it has none yet). */
  void before(String dealId, PipelineDeal row) {
    changes().counted.computeIfAbsent(dealId, id -> row == null ? new Counted(List.of(), List.of(), null)
        : new Counted(row.counts(), row.times(), row.activeDay()));
  }

  /** Notes a deal's stage times before the transaction changes them. */
  void beforeStageTimes(String dealId) {
    changes().stageTimes.computeIfAbsent(dealId, this::stageTimes);
  }

  private List<MonthTime> stageTimes(String dealId) {
    return db.query("SELECT centre, left_at, stage, seconds FROM pipeline_stage_time WHERE deal_id = ?",
        (rs, i) -> MonthTime.duration(rs.getString(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
            rs.getString(3), rs.getLong(4)), dealId);
  }

  private Changes changes() {
    Changes changes = (Changes) TransactionSynchronizationManager.getResource(this);
    if (changes == null) {
      changes = new Changes();
      TransactionSynchronizationManager.bindResource(this, changes);
      TransactionSynchronizationManager.registerSynchronization(changes);
    }
    return changes;
  }

  private record Counted(List<DayCount> days, List<MonthTime> months, ActiveDay active) {}

  private final class Changes implements TransactionSynchronization {

    final Map<String, Counted> counted = new HashMap<>();
    final Map<String, List<MonthTime>> stageTimes = new HashMap<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      // Every other write of the transaction first, so the counts' rows are the last it locks. The
      // repository's flush turns a lock timeout or a stale version into Spring's exceptions, as a commit would.
      rows.flush();
      Map<DayCount, int[]> days = new TreeMap<>();
      Map<MonthTime, int[]> months = new TreeMap<>();
      Map<ActiveDay, int[]> active = new TreeMap<>();
      counted.forEach((dealId, was) -> {
        was.days().forEach(c -> add(days, c, -1));
        was.months().forEach(t -> tally(months, t, -1));
        tally(active, was.active(), -1);
        rows.findById(dealId).ifPresent(row -> {
          row.counts().forEach(c -> add(days, c, 1));
          row.times().forEach(t -> tally(months, t, 1));
          tally(active, row.activeDay(), 1);
        });
      });
      stageTimes.forEach((dealId, was) -> {
        was.forEach(t -> tally(months, t, -1));
        stageTimes(dealId).forEach(t -> tally(months, t, 1));
      });
      List<Object[]> dayArgs = new ArrayList<>();
      days.forEach((c, d) -> {
        if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
          dayArgs.add(new Object[] {c.centre(), Date.valueOf(c.day()), c.dimension(), c.item(), d[0], d[1], d[2],
              d[0], d[1], d[2]});
        }
      });
      if (!dayArgs.isEmpty()) {
        db.batchUpdate("""
            INSERT INTO pipeline_day_count (centre, disclosed_on, dimension, item, deals, open_deals, signed_deals)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE deals = deals + ?, open_deals = open_deals + ?,
            signed_deals = signed_deals + ?""", dayArgs);
      }
      List<Object[]> monthArgs = new ArrayList<>();
      months.forEach((t, d) -> {
        if (d[0] != 0) {
          monthArgs.add(new Object[] {t.centre(), Date.valueOf(t.month()), t.measure(), t.bucket(), d[0], d[0]});
        }
      });
      if (!monthArgs.isEmpty()) {
        db.batchUpdate("""
            INSERT INTO pipeline_month_time (centre, in_month, measure, bucket, deals) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE deals = deals + ?""", monthArgs);
      }
      List<Object[]> activeArgs = new ArrayList<>();
      active.forEach((a, d) -> {
        if (d[0] != 0) {
          activeArgs.add(new Object[] {a.centre(), Date.valueOf(a.day()), d[0], d[0]});
        }
      });
      if (!activeArgs.isEmpty()) {
        db.batchUpdate("""
            INSERT INTO pipeline_activity_count (centre, active_on, open_deals) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE open_deals = open_deals + ?""", activeArgs);
      }
    }

    // A transaction started inside this one (REQUIRES_NEW) notes its own deals.
    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(PipelineCounts.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(PipelineCounts.this, this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(PipelineCounts.this);
    }

    private static void add(Map<DayCount, int[]> delta, DayCount c, int sign) {
      // The map compares keys by the row only, so a row's counts from several deals add up.
      int[] d = delta.computeIfAbsent(c, k -> new int[3]);
      d[0] += sign * c.deals();
      d[1] += sign * c.open();
      d[2] += sign * c.signed();
    }

    private static <K> void tally(Map<K, int[]> delta, K key, int sign) {
      if (key != null) {
        delta.computeIfAbsent(key, k -> new int[1])[0] += sign;
      }
    }
  }
}
