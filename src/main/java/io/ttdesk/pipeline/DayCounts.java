package io.ttdesk.pipeline;

import io.ttdesk.pipeline.PipelineDeal.DayCount;
import java.sql.Date;
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
 * Keeps pipeline_day_count in step with the pipeline rows. A transaction notes the counts of each
 * deal it touches as they stood, and just before it commits adds the difference to what the deal
 * counts now. The rows are changed last and in key order, so transactions of deals disclosed on
 * the same day wait for each other briefly but never deadlock on them.
 */
@Component
class DayCounts {

  private final JdbcTemplate db;
  private final PipelineDealRepository rows;

  DayCounts(JdbcTemplate db, PipelineDealRepository rows) {
    this.db = db;
    this.rows = rows;
  }

  /** Notes a deal's counts before the transaction changes its row (null: it has none yet). */
  void before(String dealId, PipelineDeal row) {
    Changes changes = (Changes) TransactionSynchronizationManager.getResource(this);
    if (changes == null) {
      changes = new Changes();
      TransactionSynchronizationManager.bindResource(this, changes);
      TransactionSynchronizationManager.registerSynchronization(changes);
    }
    changes.before.computeIfAbsent(dealId, id -> row == null ? List.of() : row.counts());
  }

  private final class Changes implements TransactionSynchronization {

    final Map<String, List<DayCount>> before = new HashMap<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      // Every other write of the transaction first, so the counts' rows are the last it locks. The
      // repository's flush turns a lock timeout or a stale version into Spring's exceptions, as a commit would.
      rows.flush();
      Map<DayCount, int[]> delta = new TreeMap<>();
      before.forEach((dealId, was) -> {
        was.forEach(c -> add(delta, c, -1));
        rows.findById(dealId).ifPresent(row -> row.counts().forEach(c -> add(delta, c, 1)));
      });
      List<Object[]> args = new ArrayList<>();
      delta.forEach((c, d) -> {
        if (d[0] != 0 || d[1] != 0 || d[2] != 0) {
          args.add(new Object[] {c.centre(), Date.valueOf(c.day()), c.dimension(), c.item(), d[0], d[1], d[2],
              d[0], d[1], d[2]});
        }
      });
      if (!args.isEmpty()) {
        db.batchUpdate("""
            INSERT INTO pipeline_day_count (centre, disclosed_on, dimension, item, deals, open_deals, signed_deals)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE deals = deals + ?, open_deals = open_deals + ?,
            signed_deals = signed_deals + ?""", args);
      }
    }

    // A transaction started inside this one (REQUIRES_NEW) notes its own deals.
    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(DayCounts.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(DayCounts.this, this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(DayCounts.this);
    }

    private static void add(Map<DayCount, int[]> delta, DayCount c, int sign) {
      // The map compares keys by the row only, so a row's counts from several deals add up.
      int[] d = delta.computeIfAbsent(c, k -> new int[3]);
      d[0] += sign * c.deals();
      d[1] += sign * c.open();
      d[2] += sign * c.signed();
    }
  }
}
