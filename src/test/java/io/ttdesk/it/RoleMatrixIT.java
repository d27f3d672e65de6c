package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint and page the application maps, by every method, for every role: 403 exactly for
 * the roles the table below leaves out (B broker, M manager, A auditor, D admin), and never a 5xx.
 * A new endpoint fails the test until it is given its line.
 */
class RoleMatrixIT extends ApiTest {

  private static final Map<String, String> ALLOWED = Map.ofEntries(
      Map.entry("GET /api/v1/centres", "D"),
      Map.entry("GET /api/v1/centres/{code}", "D"),
      Map.entry("GET /api/v1/centres/{code}/trail/verification", "MAD"),
      Map.entry("GET /api/v1/deals", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/docket", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/history", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/ledger", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/payments/{paymentId}/recomputation", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/rating", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/royalty-reports", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/term-sheets", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/trail/export", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/trail/export.csv", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/trail/verification", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/valuations", "BMAD"),
      Map.entry("GET /api/v1/deals/{id}/valuations/sensitivity", "BMAD"),
      Map.entry("GET /api/v1/exchange-rates", "BMAD"),
      Map.entry("GET /api/v1/exchange-rates/applied", "BMAD"),
      Map.entry("GET /api/v1/incidents", "MD"),
      Map.entry("GET /api/v1/pipeline", "MD"),
      Map.entry("GET /api/v1/pipeline/{section}.csv", "MD"),
      Map.entry("GET /api/v1/policies", "BMAD"),
      Map.entry("GET /api/v1/tasks", "BM"),
      Map.entry("GET /api/v1/tasks/{id}", "BM"),
      Map.entry("GET /api/v1/trail/public-key", "BMAD"),
      Map.entry("GET /api/v1/trail/search", "MAD"),
      Map.entry("GET /api/v1/users", "D"),
      Map.entry("GET /api/v1/users/{username}", "D"),
      Map.entry("GET /desk", "BMAD"),
      Map.entry("GET /desk/deals/new", "BM"),
      Map.entry("GET /desk/deals/{id}", "BMAD"),
      Map.entry("GET /desk/deals/{id}/trail", "BMAD"),
      Map.entry("GET /desk/deals/{id}/trail/export", "BMAD"),
      Map.entry("GET /desk/deals/{id}/trail/export.csv", "BMAD"),
      Map.entry("GET /desk/files/{fileId}", "BMAD"),
      Map.entry("GET /desk/pipeline", "MD"),
      Map.entry("GET /desk/pipeline/{section}.csv", "MD"),
      Map.entry("GET /desk/tasks", "BM"),
      Map.entry("GET /desk/tasks/{id}", "BM"),
      Map.entry("GET /desk/trail", "MAD"),
      Map.entry("GET /desk/trail/public-key", "BMAD"),
      Map.entry("POST /api/v1/centres", "D"),
      Map.entry("POST /api/v1/deals", "BM"),
      Map.entry("POST /api/v1/deals/{id}/counterparty-responses", "BM"),
      Map.entry("POST /api/v1/deals/{id}/docket", "BM"),
      Map.entry("POST /api/v1/deals/{id}/payments", "BM"),
      Map.entry("POST /api/v1/deals/{id}/rating", "BM"),
      Map.entry("POST /api/v1/deals/{id}/royalty-reports", "BM"),
      Map.entry("POST /api/v1/deals/{id}/signature", "BM"),
      Map.entry("POST /api/v1/deals/{id}/valuations/comparables", "BM"),
      Map.entry("POST /api/v1/deals/{id}/valuations/relief-from-royalty", "BM"),
      Map.entry("POST /api/v1/deals/{id}/valuations/risk-adjusted-npv", "BM"),
      Map.entry("POST /api/v1/deals/{id}/valuations/twenty-five-percent", "BM"),
      Map.entry("POST /api/v1/deals/{id}/valuations/{valuationId}/choice", "BM"),
      Map.entry("POST /api/v1/deals/{id}/withdrawal", "BM"),
      Map.entry("POST /api/v1/exchange-rates", "D"),
      Map.entry("POST /api/v1/exchange-rates/import", "D"),
      Map.entry("POST /api/v1/incidents/{jobKey}/retry", "MD"),
      Map.entry("POST /api/v1/policies", "D"),
      Map.entry("POST /api/v1/screening-lists/denied-parties", "D"),
      Map.entry("POST /api/v1/screening-lists/export-catalogue", "D"),
      Map.entry("POST /api/v1/tasks/{id}/assignment", "M"),
      Map.entry("POST /api/v1/tasks/{id}/claim", "B"),
      Map.entry("POST /api/v1/tasks/{id}/complete", "B"),
      Map.entry("POST /api/v1/tasks/{id}/follow-up", "BM"),
      Map.entry("POST /api/v1/tasks/{id}/unclaim", "B"),
      Map.entry("POST /api/v1/users", "D"),
      Map.entry("POST /desk/deals/new", "BM"),
      Map.entry("POST /desk/deals/{id}/comments", "BM"),
      Map.entry("POST /desk/deals/{id}/files", "BM"),
      Map.entry("POST /desk/incidents/{jobKey}/retry", "MD"),
      Map.entry("POST /desk/tasks/{id}", "B"),
      Map.entry("POST /desk/tasks/{id}/assignment", "M"),
      Map.entry("POST /desk/tasks/{id}/claim", "BM"),
      Map.entry("POST /desk/tasks/{id}/follow-up", "BM"),
      Map.entry("POST /desk/tasks/{id}/unclaim", "BM"),
      Map.entry("PUT /api/v1/centres/{code}/policy", "D"),
      Map.entry("PUT /api/v1/users/{username}", "D"),
      Map.entry("PUT /api/v1/users/{username}/password", "D"),
      Map.entry("GET /swagger-ui.html", "BMAD"),
      Map.entry("GET /v3/api-docs", "BMAD"),
      Map.entry("GET /v3/api-docs.yaml", "BMAD"),
      Map.entry("GET /v3/api-docs/swagger-config", "BMAD"));

  private static final Map<Character, String> USERS = Map.of('B', "broker", 'M', "manager", 'A', "auditor",
      'D', "admin");

  @Test
  void eachRoleIsRefusedExactlyWhereTheTableSays() throws Exception {
    String deal = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", deal, "ScreenDisclosure");
    List<String> wrong = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (Mapped m : mapped()) {
      String endpoint = m.method() + " " + m.pattern();
      seen.add(endpoint);
      String allowed = ALLOWED.get(endpoint);
      if (allowed == null) {
        wrong.add(endpoint + ": not in the table");
        continue;
      }
      String path = m.pattern().replace("{id}", m.pattern().contains("/tasks/") ? String.valueOf(task) : deal)
          .replace("{code}", "SHA").replace("{username}", "broker2").replace("{section}", "funnel")
          .replaceAll("\\{[^}]+}", "1");
      for (Map.Entry<Character, String> user : USERS.entrySet()) {
        int status = statusOf(user.getValue(), m.method(), path);
        boolean refused = status == 403;
        if (refused == (allowed.indexOf(user.getKey()) >= 0) || status >= 500) {
          wrong.add(endpoint + " as " + user.getValue() + ": " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
  }
}
