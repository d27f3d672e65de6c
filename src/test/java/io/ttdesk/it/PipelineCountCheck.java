package io.ttdesk.it;

import io.ttdesk.pipeline.Funnel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pipeline's counts per centre and day or month, checked against the pipeline rows and stage times they count. */
final class PipelineCountCheck {

  /** How many deals of a day reached each step of the funnel, in the funnel's order. */
  private static final List<String> REACHED = List.of("COUNT(*)", "COUNT(screened_at)", "COUNT(valued_at)",
      "COUNT(cleared_at)", "COUNT(offered_at)", "COUNT(signed_at)", "COUNT(paid_at)");

  private PipelineCountCheck() {}

  /**
   * Every count that differs from the same count made again from the pipeline rows and stage
   * times. Each table's counts are checked in one statement, so that it reads one snapshot while
   * other tests' deals move.
   */
  static List<Map<String, Object>> disagreements(JdbcTemplate db) {
    List<Map<String, Object>> wrong = new ArrayList<>(dayDisagreements(db));
    wrong.addAll(monthDisagreements(db));
    wrong.addAll(db.queryForList("SELECT centre, d, SUM(n) n FROM ("
        + "SELECT centre, active_on d, open_deals n FROM pipeline_activity_count UNION ALL "
        + "SELECT centre, DATE(last_activity_at), -COUNT(*) FROM pipeline_deal WHERE status = 'OPEN'"
        + " GROUP BY centre, DATE(last_activity_at)) x GROUP BY centre, d HAVING SUM(n) <> 0"));
    return wrong;
  }

  /** Durations counted by month and class: 64 classes per doubling of seconds, the seconds below 64. */
  private static List<Map<String, Object>> monthDisagreements(JdbcTemplate db) {
    String bucket = "CASE WHEN measure = 'SIGNATURE_DAYS' THEN CASE WHEN s < 31 * 86400 THEN 0"
        + " WHEN s < 91 * 86400 THEN 1 WHEN s < 181 * 86400 THEN 2 WHEN s < 366 * 86400 THEN 3 ELSE 4 END"
        + " WHEN s < 64 THEN s ELSE FLOOR(LOG2(s)) * 64 - 320 + FLOOR(s / POW(2, FLOOR(LOG2(s)) - 6)) - 64 END";
    String toSignature = "TIMESTAMPDIFF(SECOND, disclosed_at, signed_at) FROM pipeline_deal WHERE signed_at IS NOT NULL";
    return db.queryForList("SELECT centre, m, measure, b, SUM(n) n FROM ("
        + "SELECT centre, in_month m, measure, bucket b, deals n FROM pipeline_month_time UNION ALL "
        + "SELECT centre, m, measure, " + bucket + " b, -1 FROM ("
        + "SELECT centre, CAST(DATE_FORMAT(left_at, '%Y-%m-01') AS DATE) m, stage measure, seconds s FROM pipeline_stage_time"
        + " UNION ALL SELECT centre, CAST(DATE_FORMAT(signed_at, '%Y-%m-01') AS DATE), 'DISCLOSURE_TO_SIGNATURE', "
        + toSignature
        + " UNION ALL SELECT centre, CAST(DATE_FORMAT(signed_at, '%Y-%m-01') AS DATE), 'SIGNATURE_DAYS', " + toSignature
        + " UNION ALL SELECT centre, CAST(DATE_FORMAT(closed_at, '%Y-%m-01') AS DATE), 'DISCLOSURE_TO_CLOSE', "
        + "TIMESTAMPDIFF(SECOND, disclosed_at, closed_at) FROM pipeline_deal WHERE closed_at IS NOT NULL) t"
        + ") x GROUP BY centre, m, measure, b HAVING SUM(n) <> 0");
  }

  private static List<Map<String, Object>> dayDisagreements(JdbcTemplate db) {
    String perDay = " FROM pipeline_deal GROUP BY centre, DATE(disclosed_at)";
    String counted = ", -COUNT(*), -SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), -COUNT(signed_at)" + perDay;
    StringBuilder recount = new StringBuilder()
        .append("SELECT centre, DATE(disclosed_at), 'STAGE', stage").append(counted).append(", stage")
        .append(" UNION ALL SELECT centre, DATE(disclosed_at), 'COUNTRY', target_country").append(counted)
        .append(", target_country")
        .append(" UNION ALL SELECT centre, DATE(disclosed_at), 'FIELD', COALESCE(technology_field, '')")
        .append(counted).append(", COALESCE(technology_field, '')");
    for (Funnel step : Funnel.values()) {
      recount.append(" UNION ALL SELECT centre, DATE(disclosed_at), 'FUNNEL', '").append(step.name()).append("', -")
          .append(REACHED.get(step.ordinal())).append(", 0, 0").append(perDay);
    }
    return db.queryForList("SELECT centre, d, dim, item, SUM(n) n, SUM(o) o, SUM(s) s FROM ("
        + "SELECT centre, disclosed_on d, dimension dim, item, deals n, open_deals o, signed_deals s"
        + " FROM pipeline_day_count UNION ALL " + recount + ") x GROUP BY centre, d, dim, item"
        + " HAVING SUM(n) <> 0 OR SUM(o) <> 0 OR SUM(s) <> 0");
  }
}
