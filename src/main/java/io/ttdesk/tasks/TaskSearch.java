package io.ttdesk.tasks;

import io.ttdesk.deal.Stage;
import io.ttdesk.security.DeskUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
        // The columns hold UTC (hibernate.jdbc.time_zone), whatever the JVM's zone.
        .addValue("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
        .addValue("weekEnd", LocalDateTime.ofInstant(now.plus(Duration.ofDays(7)), ZoneOffset.UTC));
    StringBuilder filters = new StringBuilder(" AND t.centre IN (:centres)");
    if (q.stage() != null) {
      filters.append(" AND EXISTS (SELECT 1 FROM deal d WHERE d.id = t.deal_id AND d.stage = :stage)");
      p.addValue("stage", q.stage().name());
    }
    if (q.centre() != null && !q.centre().isBlank()) {
      filters.append(" AND t.centre = :centre");
      p.addValue("centre", q.centre());
    }
    if (q.dealId() != null) {
      filters.append(" AND t.deal_id = :dealId");
      p.addValue("dealId", q.dealId());
    }
    // Two parts, each one index range: the person's groups, and what is assigned to them outside those.
    String[] parts = {" FROM task t WHERE t.state = 'OPEN' AND t.candidate_group IN (:groups)" + filters,
        " FROM task t WHERE t.state = 'OPEN' AND t.assignee = :user AND t.candidate_group NOT IN (:groups)" + filters};
    String tally = """
        SELECT COUNT(*) n, COALESCE(SUM(t.assignee = :user), 0) mine, COALESCE(SUM(t.candidate_group IN (:groups)), 0) grp,
               COALESCE(SUM(t.assignee IS NULL), 0) unassigned, COALESCE(SUM(t.due_at < :now), 0) overdue,
               COALESCE(SUM(t.due_at >= :now AND t.due_at < :weekEnd), 0) week""";
    Map<TaskService.View, Long> counts = jdbc.queryForObject("SELECT SUM(n), SUM(mine), SUM(grp), SUM(unassigned), "
        + "SUM(overdue), SUM(week) FROM (" + tally + parts[0] + " UNION ALL " + tally + parts[1] + ") c", p, (rs, n) -> {
          Map<TaskService.View, Long> c = new EnumMap<>(TaskService.View.class);
          TaskService.View[] views = TaskService.View.values();
          for (int i = 0; i < views.length; i++) {
            c.put(views[i], rs.getLong(i + 1));
          }
          return c;
        });
    String view = switch (q.view()) {
      case ALL -> "";
      case MINE -> " AND t.assignee = :user";
      case GROUPS -> " AND t.candidate_group IN (:groups)";
      case UNASSIGNED -> " AND t.assignee IS NULL";
      case OVERDUE -> " AND t.due_at < :now";
      case WEEK -> " AND t.due_at >= :now AND t.due_at < :weekEnd";
    };
    // Each part gives its first rows up to the end of the page, in the page's order; the page is cut from both.
    p.addValue("limit", q.size()).addValue("offset", (long) q.page() * q.size())
        .addValue("upTo", (long) (q.page() + 1) * q.size());
    String columns = "SELECT t.id, t.due_at, t.created_at, t.element_id";
    String sql = "SELECT x.id FROM ((" + columns + parts[0] + view + " ORDER BY " + order(q.sort(), priorities, p, "t")
        + " LIMIT :upTo) UNION ALL (" + columns + parts[1] + view + " ORDER BY " + order(q.sort(), priorities, p, "t")
        + " LIMIT :upTo)) x ORDER BY " + order(q.sort(), priorities, p, "x") + " LIMIT :limit OFFSET :offset";
    List<Long> ids = jdbc.queryForList(sql, p, Long.class);
    return new Result(ids, counts.get(q.view()), counts);
  }

  /** The order of a sort; the kinds' priorities are parameters, the SQL text is fixed per sort. */
  private static String order(TaskService.Sort sort, Map<String, Integer> priorities, MapSqlParameterSource p,
      String alias) {
    String t = alias + ".";
    String due = t + "due_at IS NULL, " + t + "due_at, " + t + "created_at, " + t + "id";
    return switch (sort) {
      case DUE -> due;
      case CREATED -> t + "created_at DESC, " + t + "id DESC";
      case PRIORITY -> {
        StringBuilder rank = new StringBuilder("CASE " + t + "element_id");
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
