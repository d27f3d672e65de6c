package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor reads and changes nothing: every write endpoint the application maps, found from
 * its own request mappings so a new one cannot be missed, answers 403 to the auditor, and no table
 * changes.
 */
class AuditorReadsOnlyIT extends ApiTest {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  /** Rows of the deal under test; other tests' deals may still be moving, so only its own are compared. */
  private static final List<String> DEAL_TABLES = List.of("task", "history_event", "payment", "ledger_line",
      "scheduled_payment", "valuation", "valuation_choice", "technology_rating", "term_sheet", "counterparty_response",
      "royalty_report", "docket_item", "note", "attachment", "pipeline_stage_visit");
  /** What only administrators change. */
  private static final List<String> SHARED_TABLES = List.of("deal", "exchange_rate", "denied_party",
      "export_control_item", "distribution_policy", "distribution_share", "app_user");

  @Autowired
  JdbcTemplate db;

  @Test
  void everyWriteEndpointAnswers403ToTheAuditorAndNothingChanges() throws Exception {
    String dealId = disclose(disclosure("SHA", "CN", "CN", null));
    long taskId = awaitTask("broker", dealId, "ScreenDisclosure");
    Map<String, Object> before = snapshot(dealId);

    List<String> refused = new ArrayList<>();
    for (Mapped m : mapped()) {
      if (!WRITES.contains(m.method())) {
        continue;
      }
      String path = m.pattern().replace("{id}", m.pattern().contains("/tasks/") ? String.valueOf(taskId) : dealId)
          .replaceAll("\\{[^}]+}", "SHA");
      assertThat(statusOf("auditor", m.method(), path)).as(m.method() + " " + path).isEqualTo(403);
      refused.add(m.method() + " " + m.pattern());
    }
    assertThat(refused).as("write endpoints found").hasSizeGreaterThan(30)
        .contains("POST /api/v1/deals", "POST /api/v1/tasks/{id}/complete", "PUT /api/v1/centres/{code}/policy",
            "POST /desk/deals/{id}/comments", "POST /desk/tasks/{id}/claim");
    assertThat(snapshot(dealId)).isEqualTo(before);
  }

  private Map<String, Object> snapshot(String dealId) {
    Map<String, Object> s = new LinkedHashMap<>();
    for (String table : DEAL_TABLES) {
      s.put(table, db.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE deal_id = ?", Long.class, dealId));
    }
    for (String table : SHARED_TABLES) {
      s.put(table, db.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    s.put("deal", db.queryForMap("SELECT stage, status, version, withdrawal_requested FROM deal WHERE id = ?", dealId));
    s.put("tasks", db.queryForList("SELECT id, assignee, state, follow_up_at, version FROM task WHERE deal_id = ?"
        + " ORDER BY id", dealId));
    s.put("policies", db.queryForList("SELECT code, revenue_policy FROM centre ORDER BY code"));
    return s;
  }
}
