package io.ttdesk.tasks;

import io.ttdesk.deal.Stage;
import io.ttdesk.security.DeskUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open tasks a person sees, filtered, counted per view, sorted and paged in the database: a
 * list of tens of thousands of open tasks answers with one page and its counts, never with all rows.
 */
@Component
class TaskSearch {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  TaskSearch(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Result(List<Long> ids, long total, Map<TaskService.View, Long> counts) {}

  Result search(DeskUser user, TaskService.Query q, Map<String, Integer> priorities) {
    Set<String> groups = user.groups();
    Instant now = clock.instant();
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("groups", groups.isEmpty() ? List.of("-") : groups)
        .addValue("user", user.getUsername())
        .addValue("centres", user.centres().isEmpty() ? List.of("-") : user.centres())
        .addValue("now", Timestamp.from(now))
        .addValue("weekEnd", Timestamp.from(now.plus(Duration.ofDays(7))));
    // Two index ranges (the person's groups, and what is assigned to them) instead of one OR that no index serves.
    StringBuilder from = new StringBuilder("""
         FROM (SELECT id FROM task WHERE state = 'OPEN' AND candidate_group IN (:groups)
               UNION SELECT id FROM task WHERE state = 'OPEN' AND assignee = :user) visible
         JOIN task t ON t.id = visible.id
         JOIN deal d ON d.id = t.deal_id
        WHERE t.centre IN (:centres)""");
    if (q.stage() != null) {
      from.append(" AND d.stage = :stage");
      p.addValue("stage", q.stage().name());
    }
    if (q.centre() != null && !q.centre().isBlank()) {
      from.append(" AND t.centre = :centre");
      p.addValue("centre", q.centre());
    }
    if (q.dealId() != null) {
      from.append(" AND t.deal_id = :dealId");
      p.addValue("dealId", q.dealId());
    }
    Map<TaskService.View, Long> counts = jdbc.queryForObject("""
        SELECT COUNT(*),
               COALESCE(SUM(t.assignee = :user), 0),
               COALESCE(SUM(t.candidate_group IN (:groups)), 0),
               COALESCE(SUM(t.assignee IS NULL), 0),
               COALESCE(SUM(t.due_at < :now), 0),
               COALESCE(SUM(t.due_at >= :now AND t.due_at < :weekEnd), 0)""" + from, p, (rs, n) -> {
          Map<TaskService.View, Long> c = new EnumMap<>(TaskService.View.class);
          TaskService.View[] views = TaskService.View.values();
          for (int i = 0; i < views.length; i++) {
            c.put(views[i], rs.getLong(i + 1));
          }
          return c;
        });
    String where = switch (q.view()) {
      case ALL -> "";
      case MINE -> " AND t.assignee = :user";
      case GROUPS -> " AND t.candidate_group IN (:groups)";
      case UNASSIGNED -> " AND t.assignee IS NULL";
      case OVERDUE -> " AND t.due_at < :now";
      case WEEK -> " AND t.due_at >= :now AND t.due_at < :weekEnd";
    };
    p.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size());
    List<Long> ids = jdbc.queryForList("SELECT t.id" + from + where + " ORDER BY " + order(q.sort(), priorities, p)
        + " LIMIT :limit OFFSET :offset", p, Long.class);
    return new Result(ids, counts.get(q.view()), counts);
  }

  /** The order of a sort; the kinds' priorities are parameters, the SQL text is fixed per sort. */
  private static String order(TaskService.Sort sort, Map<String, Integer> priorities, MapSqlParameterSource p) {
    String due = "t.due_at IS NULL, t.due_at, t.created_at, t.id";
    return switch (sort) {
      case DUE -> due;
      case CREATED -> "t.created_at DESC, t.id DESC";
      case PRIORITY -> {
        StringBuilder rank = new StringBuilder("CASE t.element_id");
        int i = 0;
        for (Map.Entry<String, Integer> e : priorities.entrySet()) {
          rank.append(" WHEN :kind").append(i).append(" THEN :rank").append(i);
          p.addValue("kind" + i, e.getKey()).addValue("rank" + i, e.getValue());
          i++;
        }
        yield rank.append(" ELSE 50 END DESC, ").append(due).toString();
      }
    };
  }
}
