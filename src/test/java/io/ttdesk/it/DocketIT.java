package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttdesk.ipcheck.DocketService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Docket dates that pass with nothing recorded raise one task each; brokers record what was done. */
class DocketIT extends ApiTest {

  @Autowired
  DocketService docket;

  @Test
  void passedDatesRaiseOneTaskEachAndTheBrokerSaysWhatWasDone() {
    // Priority 32 months ago, filed at the EPO: the priority year, the 31-month national phase and
    // the third-year renewal have passed; the fourth and fifth renewals have not.
    Map<String, Object> d = new HashMap<>(disclosure("SHA", "CN", "DE", null));
    d.put("priorityDate", LocalDate.now().minusMonths(32).toString());
    d.put("filingCountries", List.of("EP"));
    String id = disclose(d);
    assertThat(docket.raiseOverdue(id)).isEqualTo(3);
    assertThat(docket.raiseOverdue(id)).isZero();
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> docketTasks(id).size() == 3);
    assertThat(docketTasks(id).keySet()).containsExactlyInAnyOrder("PRIORITY_YEAR", "EP:NATIONAL_PHASE", "EP:RENEWAL_3");

    long priority = docketTasks(id).get("PRIORITY_YEAR");
    post("broker", "/api/v1/tasks/" + priority + "/complete", Map.of("action", "MET")).expect(400).problemOn("reference");
    post("broker", "/api/v1/tasks/" + priority + "/complete", Map.of("action", "SOMETIMES")).expect(400).problemOn("action");
    post("broker", "/api/v1/tasks/" + priority + "/complete", Map.of("action", "MET", "reference", "PCT/CN2024/081234"))
        .expect(200);
    long renewal = docketTasks(id).get("EP:RENEWAL_3");
    post("broker", "/api/v1/tasks/" + renewal + "/complete", Map.of("action", "ABANDONED")).expect(400).problemOn("note");
    post("broker", "/api/v1/tasks/" + renewal + "/complete", Map.of("action", "ABANDONED", "note", "EP not pursued"))
        .expect(200);

    // Ahead of its date a renewal is recorded on the docket directly, once.
    String path = "/api/v1/deals/" + id + "/docket";
    Map<String, Object> paid = Map.of("item", "EP:RENEWAL_4", "action", "MET", "reference", "EPO fee 2027-04");
    JsonNode lines = post("broker", path, paid).expect(200).body();
    assertThat(line(lines, "EP:RENEWAL_4").get("status").asText()).isEqualTo("MET");
    post("broker", path, paid).expect(409).problemOn("item");
    post("broker", path, Map.of("item", "EP:NATIONAL_PHASE", "action", "MET", "reference", "x")).expect(409).problemOn("item");
    post("broker", path, Map.of("item", "JP:NATIONAL_PHASE", "action", "MET", "reference", "x")).expect(400).problemOn("item");
    post("broker", path, Map.of("item", "EP:RENEWAL_5", "action", "MET")).expect(400).problemOn("reference");
    post("broker", path, Map.of("item", "EP:RENEWAL_5")).expect(400).problemOn("action");
    post("auditor", path, paid).expect(403);
    post("berlin", path, paid).expect(404);

    JsonNode now = get("auditor", path).expect(200).body();
    assertThat(line(now, "PRIORITY_YEAR").get("status").asText()).isEqualTo("MET");
    assertThat(line(now, "PRIORITY_YEAR").get("reference").asText()).isEqualTo("PCT/CN2024/081234");
    assertThat(line(now, "EP:RENEWAL_3").get("status").asText()).isEqualTo("ABANDONED");
    assertThat(line(now, "EP:NATIONAL_PHASE").get("status").asText()).isEqualTo("OPEN");
    assertThat(line(now, "EP:NATIONAL_PHASE").get("taskRaised").asBoolean()).isTrue();
    assertThat(line(now, "EP:RENEWAL_5").get("taskRaised").asBoolean()).isFalse();
    assertThat(docket.raiseOverdue(id)).isZero();
    assertThat(historyTypes(id)).contains("DOCKET_DATE_OVERDUE", "DOCKET_DATE_MET", "DOCKET_DATE_ABANDONED");
  }

  @Test
  void aClosedDealRaisesNoTasksAndItsOpenDocketTaskEndsWithIt() {
    Map<String, Object> d = new HashMap<>(disclosure("SHA", "CN", "DE", null));
    d.put("priorityDate", LocalDate.now().minusMonths(14).toString());
    d.put("filingCountries", List.of("EP"));
    String id = disclose(d);
    assertThat(docket.raiseOverdue(id)).isEqualTo(1);
    long task = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> docketTasks(id).get("PRIORITY_YEAR"),
        java.util.Objects::nonNull);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "NOT_PURSUE", "comment", "No licensee"));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "NOT_PURSUED".equals(deal(id).path("outcome").asText()));
    assertThat(get("broker", "/api/v1/tasks/" + task).body().get("state").asText()).isEqualTo("WITHDRAWN");
    assertThat(docket.raiseOverdue(id)).isZero();
  }

  @Test
  void aMissedGraceDeadlineBeforeFilingRaisesATaskToo() {
    Map<String, Object> d = new HashMap<>(disclosure("SHA", "CN", "US", null));
    d.put("priorDisclosures", List.of(Map.of("date", LocalDate.now().minusMonths(13).toString(), "kind", "PAPER")));
    d.put("filingCountries", List.of("US"));
    String id = disclose(d);
    assertThat(docket.raiseOverdue(id)).isEqualTo(1);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> docketTasks(id).containsKey("US:GRACE"));
    complete("broker", id, "AttendDocketDate", Map.of("action", "ABANDONED", "note", "Novelty lost in the US"));
    assertThat(line(get("broker", "/api/v1/deals/" + id + "/docket").body(), "US:GRACE").get("status").asText())
        .isEqualTo("ABANDONED");
  }

  /** The deal's open overdue-date tasks by the docket date they are about. */
  private Map<String, Long> docketTasks(String dealId) {
    Map<String, Long> tasks = new HashMap<>();
    get("broker", "/api/v1/tasks?dealId=" + dealId).body().forEach(t -> {
      if (t.get("type").asText().equals("AttendDocketDate")) {
        tasks.put(t.get("subject").asText(), t.get("id").asLong());
      }
    });
    return tasks;
  }

  private static JsonNode line(JsonNode docket, String item) {
    return StreamSupport.stream(docket.spliterator(), false).filter(l -> l.get("id").asText().equals(item))
        .findFirst().orElseThrow();
  }
}
