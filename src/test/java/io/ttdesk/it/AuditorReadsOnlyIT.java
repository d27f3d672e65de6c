package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The auditor reads and changes nothing: every write endpoint the application maps, found from
 * its own request mappings so a new one cannot be missed, answers 403 to the auditor, and no table
 * changes.
 */
class AuditorReadsOnlyIT extends ApiTest {

  private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
      RequestMethod.PATCH, RequestMethod.DELETE);
  /** Rows of the deal under test; other tests' deals may still be moving, so only its own are compared. */
  private static final List<String> DEAL_TABLES = List.of("task", "history_event", "payment", "ledger_line",
      "scheduled_payment", "valuation", "valuation_choice", "technology_rating", "term_sheet", "counterparty_response",
      "royalty_report", "docket_item", "note", "attachment", "pipeline_stage_visit");
  /** What only administrators change. */
  private static final List<String> SHARED_TABLES = List.of("deal", "exchange_rate", "denied_party",
      "export_control_item", "distribution_policy", "distribution_share", "app_user");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  JdbcTemplate db;

  @Test
  void everyWriteEndpointAnswers403ToTheAuditorAndNothingChanges() throws Exception {
    String dealId = disclose(disclosure("SHA", "CN", "CN", null));
    long taskId = awaitTask("broker", dealId, "ScreenDisclosure");
    Map<String, Object> before = snapshot(dealId);

    List<String> refused = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (RequestMethod method : info.getMethodsCondition().getMethods()) {
        if (!WRITES.contains(method)) {
          continue;
        }
        for (String pattern : info.getPatternValues()) {
          String path = pattern.replace("{id}", pattern.contains("/tasks/") ? String.valueOf(taskId) : dealId)
              .replaceAll("\\{[^}]+}", "SHA");
          int status = pattern.startsWith("/api/") ? call("auditor", method.name(), path, Map.of()).status()
              : mvc.perform(as("auditor", MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), path))
                  .with(csrf())).andReturn().getResponse().getStatus();
          assertThat(status).as(method + " " + path).isEqualTo(403);
          refused.add(method + " " + pattern);
        }
      }
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
