package io.ttdesk.it;

import io.ttdesk.pipeline.Funnel;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pipeline's counts per centre and day, checked against the pipeline rows they count. */
final class DayCountCheck {

  /** How many deals of a day reached each step of the funnel, in the funnel's order. */
  private static final List<String> REACHED = List.of("COUNT(*)", "COUNT(screened_at)", "COUNT(valued_at)",
      "COUNT(cleared_at)", "COUNT(offered_at)", "COUNT(signed_at)", "COUNT(paid_at)");

  private DayCountCheck() {}

  /**
   * Every count that differs from the same count made again from the pipeline rows, in one
   * statement so that it reads one snapshot while other tests' deals move.
   */
  static List<Map<String, Object>> disagreements(JdbcTemplate db) {
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
