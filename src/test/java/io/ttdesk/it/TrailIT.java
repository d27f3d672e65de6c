package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each deal's history is a hash chain. These tests tamper with the stored rows the way someone with
 * database access could, and the verification names the first event that no longer holds.
 */
class TrailIT extends ApiTest {

  @Autowired
  JdbcTemplate db;

  @Test
  void anUntouchedTrailVerifiesAndEveryEventCarriesItsLink() {
    String id = dealWithHistory();
    JsonNode check = verify("auditor", id);
    assertThat(check.get("intact").asBoolean()).isTrue();
    JsonNode events = get("auditor", "/api/v1/deals/" + id + "/history").expect(200).body();
    assertThat(check.get("events").asInt()).isEqualTo(events.size()).isGreaterThan(5);
    assertThat(events.get(0).get("prevHash").asText()).isEqualTo("0".repeat(64));
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).get("seq").asInt()).isEqualTo(i + 1);
      assertThat(events.get(i).get("prevHash").asText()).isEqualTo(events.get(i - 1).get("hash").asText());
    }
    assertThat(check.get("head").asText()).isEqualTo(events.get(events.size() - 1).get("hash").asText());
    get("berlin", "/api/v1/deals/" + id + "/trail/verification").expect(404);
  }

  @Test
  void theRoleAPersonActedInIsPartOfTheEvent() {
    String id = dealWithHistory();
    JsonNode first = get("auditor", "/api/v1/deals/" + id + "/history").expect(200).body().get(0);
    assertThat(first.get("actor").asText()).isEqualTo("broker");
    assertThat(first.get("actorRole").asText()).isEqualTo("BROKER");
    db.update("UPDATE history_event SET actor_role = 'MANAGER' WHERE id = ?", eventAt(id, 1));
    assertBrokenAt(id, eventAt(id, 1), 1, "content was changed");
  }

  @Test
  void aChangedEventIsNamed() {
    String id = dealWithHistory();
    long third = eventAt(id, 3);
    db.update("UPDATE history_event SET summary = 'Screened: all fine' WHERE id = ?", third);
    assertBrokenAt(id, third, 3, "content was changed");
  }

  @Test
  void aDeletedEventIsNamedByTheOneAfterIt() {
    String id = dealWithHistory();
    long fourth = eventAt(id, 4);
    db.update("DELETE FROM history_event WHERE id = ?", eventAt(id, 3));
    assertBrokenAt(id, fourth, 4, "missing before it");
  }

  @Test
  void twoReorderedEventsAreFoundAtTheFirstOfThem() {
    String id = dealWithHistory();
    long third = eventAt(id, 3);
    long fourth = eventAt(id, 4);
    db.update("UPDATE history_event SET seq = -1 WHERE id = ?", third);
    db.update("UPDATE history_event SET seq = 3 WHERE id = ?", fourth);
    db.update("UPDATE history_event SET seq = 4 WHERE id = ?", third);
    assertBrokenAt(id, fourth, 3, "reordered");
  }

  @Test
  void droppingTheNewestEventsIsSeenAgainstTheHead() {
    String id = dealWithHistory();
    int last = db.queryForObject("SELECT MAX(seq) FROM history_event WHERE deal_id = ?", Integer.class, id);
    db.update("DELETE FROM history_event WHERE deal_id = ? AND seq = ?", id, last);
    JsonNode check = verify("manager", id);
    assertThat(check.get("intact").asBoolean()).isFalse();
    assertThat(check.get("brokenSeq").asInt()).isEqualTo(last);
    assertThat(check.get("problem").asText()).contains("newest events are missing");
  }

  @Test
  void theSignedExportIsVerifiedByTheDocumentedCommandAndATamperedCopyIsNot() throws Exception {
    String id = dealWithHistory();
    String reference = deal(id).get("reference").asText();
    String exported = text("auditor", "/api/v1/deals/" + id + "/trail/export");
    String key = text("auditor", "/api/v1/trail/public-key");
    java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/trail-export"));
    java.nio.file.Path doc = java.nio.file.Files.writeString(dir.resolve("trail-" + reference + ".json"), exported);
    java.nio.file.Path pem = java.nio.file.Files.writeString(dir.resolve("centre-public-key.pem"), key);

    Verified good = runVerifier(doc, pem);
    assertThat(good.exit()).as(good.output()).isZero();
    assertThat(good.output()).startsWith("VERIFIED " + reference);

    JsonNode events = json.readTree(exported).get("events");
    String summary = events.get(2).get("summary").asText();
    java.nio.file.Path tampered = java.nio.file.Files.writeString(dir.resolve("tampered-" + reference + ".json"),
        exported.replace("\"summary\":\"" + summary + "\"", "\"summary\":\"" + summary + " (approved)\""));
    Verified bad = runVerifier(tampered, pem);
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.output()).contains("FAILED", "event at place 3", "was changed");
    assertThat(exported).contains("\"actorRole\":\"BROKER\"");
    java.nio.file.Path promoted = java.nio.file.Files.writeString(dir.resolve("promoted-" + reference + ".json"),
        exported.replaceFirst("\"actorRole\":\"BROKER\"", "\"actorRole\":\"MANAGER\""));
    assertThat(runVerifier(promoted, pem).output()).contains("FAILED", "was changed");

    get("berlin", "/api/v1/deals/" + id + "/trail/export").expect(404);
    String csv = text("manager", "/api/v1/deals/" + id + "/trail/export.csv");
    assertThat(csv.split("\r\n")).hasSize(events.size() + 1);
    assertThat(csv).startsWith("seq,occurredAt,actor,actorKind,actorRole,type,summary,data,prevHash,hash\r\n1,")
        .contains(",\"broker\",USER,\"BROKER\",DEAL_DISCLOSED,");
  }

  @Test
  void eventsAreFoundAcrossDealsByPersonKindWordsAndDateWithinTheReadersCentres() {
    // The days around the deal's events, in case they cross midnight (UTC).
    java.time.LocalDate from = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    String id = dealWithHistory();
    java.time.LocalDate to = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    JsonNode found = get("auditor", "/api/v1/trail/search?type=TASK_COMPLETED&text=screen disclosure (PURSUE)"
        + "&actor=broker&from=" + from + "&to=" + to).expect(200).body();
    assertThat(found).anySatisfy(e -> {
      assertThat(e.get("dealId").asText()).isEqualTo(id);
      assertThat(e.get("summary").asText()).isEqualTo("Task completed: Screen disclosure (PURSUE)");
    });
    assertThat(found).allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("TASK_COMPLETED"));
    String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    assertThat(get("manager", "/api/v1/trail/search?type=TASK_COMPLETED&from=" + tomorrow).expect(200).body()).isEmpty();
    get("auditor", "/api/v1/trail/search?type=task_completed").expect(400).problemOn("type");
    get("auditor", "/api/v1/trail/search?from=2026-02-01&to=2026-01-01").expect(400).problemOn("to");
    get("auditor", "/api/v1/trail/search?from=yesterday").expect(400);
    get("broker", "/api/v1/trail/search?type=TASK_COMPLETED").expect(403);
  }

  @Test
  void theTrailSearchPageLinksEachFoundEventToItsCaseTrail() throws Exception {
    String id = dealWithHistory();
    String reference = deal(id).get("reference").asText();
    String html = page("auditor", "/desk/trail?type=TASK_COMPLETED&actor=broker&text=screen disclosure", 200);
    assertThat(html).contains("href=\"/desk/deals/" + id + "/trail\"", reference,
        "Task completed: Screen disclosure (PURSUE)");
    assertThat(page("auditor", "/desk/trail?type=task_completed", 200)).contains("class=\"problem\"", "type: ");
    assertThat(page("auditor", "/desk/trail?actor=nobody-at-all", 200)).contains("No event matches.");
    page("broker", "/desk/trail", 403);
    page("berlin", "/desk/trail", 403);
  }

  private String page(String user, String path, int expected) throws Exception {
    var res = mvc.perform(as(user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
        java.net.URI.create(path.replace(" ", "%20"))))).andReturn().getResponse();
    assertThat(res.getStatus()).as(path).isEqualTo(expected);
    return res.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aPaymentsSplitIsRecomputedFromTheRecordedInputsAndAChangedLedgerLineShows() {
    String id = dealSignedOn(java.time.LocalDate.now());
    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "UPFRONT", "amount", "20000.00",
        "currency", "USD", "receivedOn", java.time.LocalDate.now().toString())).expect(201);
    String paymentId = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
      JsonNode ledger = get("auditor", "/api/v1/deals/" + id + "/ledger").body();
      return ledger.size() == 1 && !ledger.get(0).get("lines").isEmpty() ? ledger.get(0).get("paymentId").asText() : null;
    }, java.util.Objects::nonNull);
    String path = "/api/v1/deals/" + id + "/payments/" + paymentId + "/recomputation";
    JsonNode again = get("auditor", path).expect(200).body();
    assertThat(again.get("matches").asBoolean()).isTrue();
    assertThat(again.get("policy").asText()).isEqualTo("STANFORD_CLASSIC v1");
    assertThat(again.get("lines")).allSatisfy(l -> assertThat(l.get("paid").decimalValue())
        .isEqualByComparingTo(l.get("recomputed").decimalValue()));

    db.update("UPDATE ledger_line SET amount = amount + 1 WHERE payment_id = ? AND line_no = 1", paymentId);
    JsonNode changed = get("auditor", path).expect(200).body();
    assertThat(changed.get("matches").asBoolean()).isFalse();
    assertThat(changed.get("lines").get(0).get("same").asBoolean()).isFalse();
    assertThat(changed.get("lines").get(1).get("same").asBoolean()).isTrue();
    get("berlin", path).expect(404);
    get("auditor", "/api/v1/deals/" + id + "/payments/no-such-payment/recomputation").expect(404);
  }

  private record Verified(int exit, String output) {}

  /** A body as the bytes' text, exactly as sent. */
  private String text(String user, String path) {
    return org.springframework.web.client.RestClient.create("http://localhost:" + port).get().uri(path)
        .headers(h -> h.setBasicAuth(user, io.ttdesk.local.DemoData.PASSWORD)).retrieve().body(String.class);
  }

  /** The command docs/operations.md gives an outside party, run with this JDK. */
  private static Verified runVerifier(java.nio.file.Path doc, java.nio.file.Path pem) throws Exception {
    String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "docs/verify/VerifyTrail.java", doc.toString(), pem.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    return new Verified(p.waitFor(), out);
  }

  private void assertBrokenAt(String dealId, long eventId, int seq, String problem) {
    JsonNode check = verify("auditor", dealId);
    assertThat(check.get("intact").asBoolean()).isFalse();
    assertThat(check.get("brokenEventId").asLong()).isEqualTo(eventId);
    assertThat(check.get("brokenSeq").asInt()).isEqualTo(seq);
    assertThat(check.get("problem").asText()).contains(problem);
  }

  @Test
  void aWholeCentreIsVerifiedInOneRequestThatNamesEachBrokenTrail() {
    String changed = dealWithHistory();
    String untouched = dealWithHistory();
    String cut = dealWithHistory();
    db.update("UPDATE history_event SET summary = 'Screened: all fine' WHERE id = ?", eventAt(changed, 3));
    db.update("DELETE FROM history_event WHERE deal_id = ? AND seq = ?", cut,
        db.queryForObject("SELECT MAX(seq) FROM history_event WHERE deal_id = ?", Integer.class, cut));
    String events = "SELECT COUNT(*) FROM history_event e JOIN deal d ON d.id = e.deal_id WHERE d.centre = 'SHA'";
    long eventsBefore = db.queryForObject(events, Long.class);

    JsonNode centre = get("auditor", "/api/v1/centres/SHA/trail/verification").expect(200).body();

    // Workers of earlier deals may still add events; none is lost or counted twice.
    assertThat(centre.get("events").asLong()).isBetween(eventsBefore, db.queryForObject(events, Long.class));
    List<String> deals = db.queryForList("SELECT id FROM deal WHERE centre = 'SHA'", String.class);
    assertThat(centre.get("deals").asInt()).isEqualTo(deals.size()).isGreaterThanOrEqualTo(3);
    Map<String, JsonNode> broken = new java.util.HashMap<>();
    centre.get("broken").forEach(b -> broken.put(b.get("dealId").asText(), b));
    assertThat(centre.get("intact").asInt()).isEqualTo(deals.size() - broken.size());
    assertThat(broken.get(changed).get("brokenSeq").asInt()).isEqualTo(3);
    assertThat(broken.get(changed).get("problem").asText()).contains("content was changed");
    assertThat(broken.get(cut).get("problem").asText()).contains("newest events are missing");
    assertThat(broken).doesNotContainKey(untouched);
    // The same answer, deal by deal, as the verification of each deal alone.
    for (String deal : deals) {
      assertThat(broken.containsKey(deal)).as(deal).isEqualTo(!verify("auditor", deal).get("intact").asBoolean());
    }
  }

  @Test
  void aCentreIsVerifiedOnlyByThoseWhoReadItsTrails() {
    get("broker", "/api/v1/centres/SHA/trail/verification").expect(403);
    // A manager of the Shanghai centre only: Berlin answers as a centre that does not exist.
    get("lead", "/api/v1/centres/BER/trail/verification").expect(404);
    assertThat(get("manager", "/api/v1/centres/BER/trail/verification").expect(200).body().get("centre").asText())
        .isEqualTo("BER");
    get("auditor", "/api/v1/centres/NOPE/trail/verification").expect(404);
  }

  /** A deal screened and valued: disclosure, tasks, stage changes and the valuation are in its trail. */
  private String dealWithHistory() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    awaitTask("broker", id, "PrepareTermSheet");
    // The stage change follows the task; once it is written the deal is quiet.
    awaitStage(id, "LICENSING");
    return id;
  }

  private long eventAt(String dealId, int seq) {
    return db.queryForObject("SELECT id FROM history_event WHERE deal_id = ? AND seq = ?", Long.class, dealId, seq);
  }

  private JsonNode verify(String user, String dealId) {
    return get(user, "/api/v1/deals/" + dealId + "/trail/verification").expect(200).body();
  }
}
