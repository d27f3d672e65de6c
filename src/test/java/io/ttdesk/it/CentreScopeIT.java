package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Another centre's deal or task is, for everyone outside that centre, indistinguishable from one
 * that does not exist: on every endpoint and page the application maps, by every method, the answer
 * for its id is never a success and is the same as for an unknown id; no list shows it.
 */
class CentreScopeIT extends ApiTest {

  private static final String UNKNOWN_DEAL = "00000000-0000-0000-0000-000000000000";
  private static final String UNKNOWN_TASK = "1";

  @Test
  void anotherCentresObjectsAnswerAsIfTheyDidNotExist() throws Exception {
    String berlinDeal = post("berlin", "/api/v1/deals", disclosure("BER", "DE", "DE", null)).expect(201).body()
        .get("id").asText();
    long berlinTask = awaitTask("berlin", berlinDeal, "ScreenDisclosure");
    String shanghaiDeal = disclose(disclosure("SHA", "CN", "CN", null));
    long shanghaiTask = awaitTask("broker", shanghaiDeal, "ScreenDisclosure");

    List<String> checked = new ArrayList<>();
    for (Mapped m : mapped()) {
      if (!m.pattern().contains("{id}")) {
        continue;
      }
      for (String[] who : new String[][] {{"broker", berlinDeal, String.valueOf(berlinTask)},
          {"lead", berlinDeal, String.valueOf(berlinTask)},
          {"berlin", shanghaiDeal, String.valueOf(shanghaiTask)}}) {
        int other = statusOf(who[0], m.method(), fill(m.pattern(), who[1], who[2]));
        int unknown = statusOf(who[0], m.method(), fill(m.pattern(), UNKNOWN_DEAL, UNKNOWN_TASK));
        assertThat(other).as("%s %s as %s", m.method(), m.pattern(), who[0]).isGreaterThanOrEqualTo(400)
            .isEqualTo(unknown);
      }
      checked.add(m.method() + " " + m.pattern());
    }
    assertThat(checked).hasSizeGreaterThan(40)
        .contains("GET /api/v1/deals/{id}", "GET /desk/deals/{id}", "POST /api/v1/tasks/{id}/complete",
            "GET /api/v1/deals/{id}/trail/export", "POST /desk/deals/{id}/comments");

    for (String list : List.of("/api/v1/deals", "/api/v1/tasks", "/api/v1/tasks?filter=ALL")) {
      assertThat(get("broker", list).expect(200).body().toString()).doesNotContain(berlinDeal);
      assertThat(get("berlin", list).expect(200).body().toString()).doesNotContain(shanghaiDeal);
    }
    assertThat(page("broker", "/desk/tasks?view=ALL")).doesNotContain(berlinDeal);
    assertThat(page("lead", "/desk/pipeline/stalled.csv?stalledDays=1")).doesNotContain(berlinDeal);
  }

  private static String fill(String pattern, String dealId, String taskId) {
    return pattern.replace("{id}", pattern.contains("/tasks/") ? taskId : dealId)
        .replace("{paymentId}", "p").replace("{fileId}", "1").replace("{valuationId}", "1");
  }

  private String page(String user, String path) throws Exception {
    return mvc.perform(as(user, MockMvcRequestBuilders.get(java.net.URI.create(path)))).andReturn().getResponse()
        .getContentAsString();
  }
}
