package io.ttdesk.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ttdesk.tasks.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts across all centres for monitoring: tasks per state and what is overdue. Read from the
 * database at most once per {@link #MAX_AGE}, however often the gauges are scraped; while the
 * database cannot be read they report NaN.
 */
@Component
class PipelineGauges {

  static final Duration MAX_AGE = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(PipelineGauges.class);

  record Counts(Map<Task.State, Long> tasks, long overdueTasks, long overdueDocketDates, long overduePayments) {}

  private final NamedParameterJdbcTemplate db;
  private final Clock clock;
  private Counts counts;
  private Instant readAt;

  PipelineGauges(NamedParameterJdbcTemplate db, Clock clock, MeterRegistry meters) {
    this.db = db;
    this.clock = clock;
    for (Task.State state : Task.State.values()) {
      gauge("ttdesk.tasks", "Tasks in each state", c -> c.tasks().getOrDefault(state, 0L))
          .tag("state", state.name()).register(meters);
    }
    gauge("ttdesk.tasks.overdue", "Open tasks past their due date", Counts::overdueTasks).register(meters);
    gauge("ttdesk.docket.overdue", "Docket dates of open deals that passed and raised a task, "
        + "not yet met or abandoned", Counts::overdueDocketDates).register(meters);
    gauge("ttdesk.payments.overdue", "Scheduled payments of open deals past their due date and not received",
        Counts::overduePayments).register(meters);
  }

  private Gauge.Builder<PipelineGauges> gauge(String name, String description,
      ToDoubleFunction<Counts> value) {
    return Gauge.builder(name, this, g -> {
      Counts c = g.current();
      return c == null ? Double.NaN : value.applyAsDouble(c);
    }).description(description);
  }

  synchronized Counts current() {
    Instant now = clock.instant();
    if (readAt == null || readAt.plus(MAX_AGE).isBefore(now)) {
      // A failed read is not tried again before MAX_AGE either: a scrape while the database is away stays quick.
      readAt = now;
      try {
        counts = read(now);
      } catch (RuntimeException e) {
        log.debug("Monitoring counts not read: {}", e.toString());
        counts = null;
      }
    }
    return counts;
  }

  private Counts read(Instant now) {
    // Times are stored as UTC wall-clock times (hibernate.jdbc.time_zone).
    MapSqlParameterSource p = new MapSqlParameterSource("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
        .addValue("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
    Map<Task.State, Long> tasks = new EnumMap<>(Task.State.class);
    db.query("SELECT state, COUNT(*) FROM task GROUP BY state", p,
        rs -> { tasks.put(Task.State.valueOf(rs.getString(1)), rs.getLong(2)); });
    long overdueTasks = db.queryForObject("SELECT COUNT(*) FROM task WHERE state = 'OPEN' AND due_at < :now", p,
        Long.class);
    long docket = db.queryForObject("""
        SELECT COUNT(*) FROM docket_item i JOIN deal d ON d.id = i.deal_id
        WHERE i.raised_at IS NOT NULL AND i.action IS NULL AND d.status = 'OPEN'""", p, Long.class);
    long payments = db.queryForObject("""
        SELECT COUNT(*) FROM scheduled_payment s JOIN deal d ON d.id = s.deal_id
        LEFT JOIN payment y ON y.deal_id = s.deal_id AND y.milestone = s.code
        WHERE y.id IS NULL AND d.status = 'OPEN' AND s.due_date < :today""", p, Long.class);
    return new Counts(tasks, overdueTasks, docket, payments);
  }
}
