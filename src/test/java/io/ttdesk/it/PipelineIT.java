package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.Actor;
import io.ttdesk.history.Recorded;
import io.ttdesk.pipeline.PipelineProjection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline against a seeded set of deals in two centres of their own: the test generates each
 * deal's trail events, feeds them to the projection as the trail does, and computes every expected
 * figure from its own list of events, not from the projection's tables.
 */
class PipelineIT extends ApiTest {

  private static final Stage[] PATH = {Stage.SCREENING, Stage.VALUATION, Stage.IP_CHECK, Stage.LICENSING,
      Stage.NEGOTIATION, Stage.SIGNATURE, Stage.EXECUTION};
  private static final List<String> STEPS = List.of("DISCLOSED", "SCREENED", "VALUED", "CLEARED", "OFFERED",
      "SIGNED", "PAID");
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Instant BASE = NOW.minus(Duration.ofDays(900));
  private static final LocalDate FROM = day(BASE.plus(Duration.ofDays(100)));
  private static final LocalDate TO = day(BASE.plus(Duration.ofDays(500)));
  private static final String PERIOD = "from=" + FROM + "&to=" + TO;

  /** One generated deal and what its events say, kept by the test. */
  static final class Seeded {
    String id;
    String centre;
    String country;
    String field;
    Instant disclosed;
    Stage stage = Stage.DISCLOSED;
    Stage current = Stage.DISCLOSED;
    Instant enteredCurrent;
    final List<Object[]> stays = new ArrayList<>();
    final Map<String, Instant> steps = new HashMap<>();
    Instant signed;
    Instant closed;
    Instant lastActivity;
  }

  private static final List<Seeded> seeded = new ArrayList<>();

  @Autowired
  JdbcTemplate db;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  PlatformTransactionManager transactions;

  @Autowired
  PipelineProjection projection;

  @BeforeEach
  void seed() {
    synchronized (seeded) {
      if (seeded.isEmpty()) {
        seedDeals();
        seedMoneyAndTasks();
      }
    }
  }

  @Test
  void countsFunnelAndStalledDealsMatchTheSeededEvents() {
    JsonNode r = get("boss", "/api/v1/pipeline?" + PERIOD).expect(200).body();
    List<Seeded> cohort = seeded.stream().filter(s -> inPeriod(s.disclosed)).toList();
    assertThat(cohort.size()).isBetween(60, 150);

    Map<String, Long> byStage = new TreeMap<>();
    cohort.forEach(s -> byStage.merge(s.stage.name(), 1L, Long::sum));
    assertThat(counts(r.get("byStage"))).isEqualTo(byStage);
    Map<String, Long> openNow = new TreeMap<>();
    seeded.stream().filter(s -> s.closed == null).forEach(s -> openNow.merge(s.stage.name(), 1L, Long::sum));
    assertThat(counts(r.get("openByStage"))).isEqualTo(openNow);
    assertThat(openNow.values().stream().mapToLong(Long::longValue).sum())
        .isGreaterThan(cohort.stream().filter(s -> s.closed == null).count());
    Map<String, Long> byCountry = new TreeMap<>();
    cohort.forEach(s -> byCountry.merge(s.country, 1L, Long::sum));
    assertThat(counts(r.get("byCountry"))).isEqualTo(byCountry);
    Map<String, Long> byField = new TreeMap<>();
    cohort.forEach(s -> byField.merge(s.field == null ? "" : s.field, 1L, Long::sum));
    assertThat(counts(r.get("byField"))).isEqualTo(byField);
    JsonNode pia = find(r.get("byCentre"), "key", "PIA");
    assertThat(pia.get("open").asLong()).isEqualTo(cohort.stream().filter(s -> s.centre.equals("PIA") && s.closed == null).count());
    assertThat(pia.get("signed").asLong()).isEqualTo(cohort.stream().filter(s -> s.centre.equals("PIA") && s.signed != null).count());

    long previous = 0;
    for (int k = 0; k < STEPS.size(); k++) {
      String step = STEPS.get(k);
      boolean first = k == 0;
      long reached = cohort.stream().filter(s -> first || s.steps.containsKey(step)).count();
      JsonNode row = r.get("funnel").get(k);
      assertThat(row.get("step").asText()).isEqualTo(step);
      assertThat(row.get("deals").asLong()).as(step).isEqualTo(reached);
      if (k > 0 && previous > 0) {
        assertThat(row.get("ofPrevious").decimalValue())
            .isEqualByComparingTo(BigDecimal.valueOf(reached * 100).divide(BigDecimal.valueOf(previous), 1, RoundingMode.HALF_EVEN));
      }
      previous = reached;
    }
    assertThat(r.get("funnel").get(6).get("deals").asLong()).isPositive();

    List<Seeded> stalled = seeded.stream().filter(s -> s.closed == null
        && s.lastActivity.isBefore(NOW.minus(Duration.ofDays(30)))).toList();
    assertThat(r.get("stalled").get("total").asLong()).isEqualTo(stalled.size()).isPositive();
    assertThat(seeded.stream().filter(s -> s.closed == null).count()).isGreaterThan(stalled.size());
    JsonNode shorter = get("boss", "/api/v1/pipeline?" + PERIOD + "&stalledDays=2").expect(200).body();
    assertThat(shorter.get("stalled").get("total").asLong())
        .isEqualTo(seeded.stream().filter(s -> s.closed == null).count());
    // Counted by day of last activity, and on the cut-off's own day to the second: cut-offs on the
    // days deals were last active, before or after them on that day.
    int[] cutOffs = seeded.stream().filter(s -> s.closed == null && s.lastActivity.isBefore(NOW.minus(Duration.ofDays(35))))
        .limit(8).mapToInt(s -> (int) ChronoUnit.DAYS.between(day(s.lastActivity), day(NOW))).toArray();
    assertThat(cutOffs).hasSize(8);
    for (int days : cutOffs) {
      Instant idleSince = NOW.minus(Duration.ofDays(days));
      assertThat(get("boss", "/api/v1/pipeline?" + PERIOD + "&stalledDays=" + days).expect(200).body().get("stalled")
          .get("total").asLong()).as("%d days", days)
          .isEqualTo(seeded.stream().filter(s -> s.closed == null && s.lastActivity.isBefore(idleSince)).count());
    }
  }

  @Test
  void cycleTimesAreMediansAndNinetiethPercentilesOfEachDealsTimeInAStage() {
    // A period of parts of months, of whole months, within one month, and up to today.
    assertCycleTimes(FROM, TO);
    LocalDate today = day(NOW);
    assertCycleTimes(FROM.withDayOfMonth(1).plusMonths(1), TO.withDayOfMonth(1).minusDays(1));
    assertCycleTimes(FROM.withDayOfMonth(1).plusMonths(3).plusDays(2), FROM.withDayOfMonth(1).plusMonths(3).plusDays(25));
    assertCycleTimes(today.withDayOfMonth(1).minusMonths(24), today);
  }

  private void assertCycleTimes(LocalDate from, LocalDate to) {
    JsonNode r = get("boss", "/api/v1/pipeline?from=" + from + "&to=" + to).expect(200).body();
    // A deal's time in a stage is all its stays there, counted when its last stay ended in the period.
    Map<String, Map<String, Long>> perStageAndDeal = new TreeMap<>();
    int stayedTwice = 0;
    for (Seeded s : seeded) {
      Map<String, Long> total = new HashMap<>();
      Map<String, Instant> lastLeft = new HashMap<>();
      for (Object[] stay : s.stays) {
        Instant left = (Instant) stay[2];
        total.merge(stay[0].toString(), Duration.between((Instant) stay[1], left).toSeconds(), Long::sum);
        lastLeft.merge(stay[0].toString(), left, (a, b) -> a.isAfter(b) ? a : b);
      }
      for (String stage : total.keySet()) {
        if (in(lastLeft.get(stage), from, to)) {
          perStageAndDeal.computeIfAbsent(stage, k -> new HashMap<>()).put(s.id, total.get(stage));
          stayedTwice += s.stays.stream().filter(stay -> stay[0].toString().equals(stage)).count() > 1 ? 1 : 0;
        }
      }
    }
    assertThat(perStageAndDeal).as("%s to %s", from, to).isNotEmpty();
    assertThat(r.get("cycleTimes").size()).isEqualTo(perStageAndDeal.size() + 2);
    if (!from.plusMonths(6).isAfter(to)) {
      assertThat(perStageAndDeal).containsKeys("LICENSING", "NEGOTIATION", "EXECUTION");
      assertThat(stayedTwice).isPositive();
    }
    perStageAndDeal.forEach((stage, byDeal) -> assertCycle(find(r.get("cycleTimes"), "stage", stage), byDeal.values()));
    List<Long> toSignature = seeded.stream().filter(s -> s.signed != null && in(s.signed, from, to))
        .map(s -> Duration.between(s.disclosed, s.signed).toSeconds()).toList();
    assertCycle(find(r.get("cycleTimes"), "stage", "DISCLOSURE_TO_SIGNATURE"), toSignature);
    List<Long> toClose = seeded.stream().filter(s -> s.closed != null && in(s.closed, from, to))
        .map(s -> Duration.between(s.disclosed, s.closed).toSeconds()).toList();
    assertCycle(find(r.get("cycleTimes"), "stage", "DISCLOSURE_TO_CLOSE"), toClose);
    int[] buckets = new int[5];
    long[] upper = {30, 90, 180, 365};
    toSignature.forEach(sec -> {
      int b = 0;
      while (b < 4 && sec / 86_400 > upper[b]) {
        b++;
      }
      buckets[b]++;
    });
    for (int b = 0; b < 5; b++) {
      assertThat(r.get("signatureDistribution").get(b).get("deals").asInt()).isEqualTo(buckets[b]);
    }
  }

  /** The deals counted exactly; the median and 90th percentile within 1/128, then rounded to a tenth of a day. */
  private static void assertCycle(JsonNode row, java.util.Collection<Long> seconds) {
    String stage = row.get("stage").asText();
    assertThat(row.get("deals").asInt()).as(stage).isEqualTo(seconds.size());
    if (seconds.isEmpty()) {
      assertThat(row.get("medianDays").isNull()).as(stage).isTrue();
      return;
    }
    assertThat(row.get("medianDays").decimalValue().doubleValue()).as(stage).isCloseTo(median(seconds),
        within(median(seconds) / 128 + 0.05));
    assertThat(row.get("p90Days").decimalValue().doubleValue()).as(stage).isCloseTo(p90(seconds),
        within(p90(seconds) / 128 + 0.05));
  }

  @Test
  void moneyIsConvertedWithTheRateStoredForEachDayAndOverdueItemsAreListed() {
    JsonNode r = get("boss", "/api/v1/pipeline?" + PERIOD + "&currency=SEK").expect(200).body();
    LocalDate due = day(BASE.plus(Duration.ofDays(200)));
    // 10,000.00 GBP due at 13.0 (the rate of its day); received 3 days later and reported then as 134,999.99 SEK.
    JsonNode dueRow = money(r, due, "GBP");
    assertThat(dueRow.get("expected").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(dueRow.get("expectedConverted").decimalValue()).isEqualByComparingTo("130000.00");
    JsonNode receivedRow = money(r, due.plusDays(3), "GBP");
    assertThat(receivedRow.get("received").decimalValue()).isEqualByComparingTo("10000.00");
    assertThat(receivedRow.get("receivedConverted").decimalValue()).isEqualByComparingTo("134999.99");
    JsonNode eur = get("boss", "/api/v1/pipeline?" + PERIOD + "&currency=GBP").expect(200).body();
    assertThat(money(eur, due.plusDays(3), "GBP").get("receivedConverted").decimalValue()).isEqualByComparingTo("10000.00");
    JsonNode chf = money(r, due.plusDays(30), "CHF");
    // Only SEK/CHF 0.08 is stored: CHF converts at its inverse, 12.5.
    assertThat(chf.get("expectedConverted").decimalValue()).isEqualByComparingTo("62500.00");
    JsonNode usd = money(r, due.plusDays(60), "USD");
    assertThat(usd.get("expected").decimalValue()).isEqualByComparingTo("700.00");
    assertThat(usd.path("expectedConverted").isMissingNode()).isTrue();
    assertThat(r.get("missingRates").toString()).contains("no USD/SEK rate");

    JsonNode inventors = find(r.get("distributed"), "kind", "INVENTOR");
    assertThat(inventors.get("amount").decimalValue()).isEqualByComparingTo("4250.00");
    assertThat(inventors.get("converted").decimalValue()).isEqualByComparingTo("57375.00");

    assertThat(r.get("overduePayments").get("total").asLong()).isEqualTo(2);
    assertThat(r.get("overduePayments").get("rows").get(0).get("code").asText()).isEqualTo("MS1");
    assertThat(r.get("overdueTasks").get("total").asLong()).isEqualTo(3);
    JsonNode load = find(r.get("workload"), "broker", "pia-broker");
    assertThat(load.get("open").asLong()).isEqualTo(3);
    assertThat(load.get("overdue").asLong()).isEqualTo(2);
    JsonNode unassigned = find(r.get("workload"), "candidateGroup", "brokers:PIA");
    assertThat(unassigned.get("open").asLong()).isEqualTo(2);
    assertThat(unassigned.get("overdue").asLong()).isEqualTo(1);
  }

  @Test
  void aManagerSeesOnlyTheCentresGrantedAndEachSectionDownloadsAsCsv() {
    JsonNode both = get("boss", "/api/v1/pipeline?" + PERIOD).expect(200).body();
    JsonNode onlyA = get("pia-manager", "/api/v1/pipeline?" + PERIOD).expect(200).body();
    long inA = seeded.stream().filter(s -> s.centre.equals("PIA") && inPeriod(s.disclosed)).count();
    assertThat(onlyA.get("funnel").get(0).get("deals").asLong()).isEqualTo(inA);
    assertThat(both.get("funnel").get(0).get("deals").asLong()).isGreaterThan(inA);
    assertThat(get("boss", "/api/v1/pipeline?centre=PIA&" + PERIOD).expect(200).body().get("funnel").get(0)
        .get("deals").asLong()).isEqualTo(inA);
    get("pia-manager", "/api/v1/pipeline?centre=PIB").expect(403);
    get("pia-manager", "/api/v1/pipeline?centre=SHA").expect(403);
    get("broker", "/api/v1/pipeline").expect(403);
    get("auditor", "/api/v1/pipeline").expect(403);
    get(null, "/api/v1/pipeline").expect(401);
    get("boss", "/api/v1/pipeline?from=2026-05-01&to=2026-04-01").expect(400).problemOn("to");
    get("boss", "/api/v1/pipeline?currency=XYZ").expect(400).problemOn("currency");
    get("boss", "/api/v1/pipeline?stalledDays=0").expect(400).problemOn("stalledDays");
    get("boss", "/api/v1/pipeline?from=someday").expect(400);
    get("boss", "/api/v1/pipeline/nothing.csv").expect(404);

    String csv = text("boss", "/api/v1/pipeline/funnel.csv?" + PERIOD);
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("step,deals,ofPrevious,ofDisclosed");
    assertThat(lines).hasSize(8);
    assertThat(lines[1]).startsWith("\"DISCLOSED\"," + both.get("funnel").get(0).get("deals").asLong() + ",,");
    String stalled = text("boss", "/api/v1/pipeline/stalled.csv?" + PERIOD);
    assertThat(stalled.split("\r\n")).hasSize(1 + (int) both.get("stalled").get("total").asLong());
  }

  @Test
  void theDashboardPageDrawsTheChartsForManagersOnly() throws Exception {
    String html = mvc.perform(as("boss", MockMvcRequestBuilders.get("/desk/pipeline").param("from", FROM.toString())
            .param("to", TO.toString())))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(html).contains("id=\"chart-funnel\"", "id=\"chart-open-stages\"", "id=\"chart-cycle-times\"",
        "id=\"chart-signature-distribution\"", "id=\"chart-money\"", "/desk/pipeline/funnel.csv?centre=PIA&amp;centre=PIB");
    long disclosed = seeded.stream().filter(s -> inPeriod(s.disclosed)).count();
    assertThat(html).contains("<span class=\"bar-value\">" + disclosed + "</span>");
    mvc.perform(as("boss", MockMvcRequestBuilders.get("/desk/pipeline/workload.csv").param("centre", "PIA")))
        .andExpect(status().isOk());
    mvc.perform(as("broker", MockMvcRequestBuilders.get("/desk/pipeline"))).andExpect(status().isForbidden());
    mvc.perform(as("auditor", MockMvcRequestBuilders.get("/desk/pipeline"))).andExpect(status().isForbidden());
  }

  @Test
  void aRealDealMovesThroughThePipelineAndItsRowsCanBeRebuiltFromItsTrail() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    complete("broker", id, "PrepareTermSheet", termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    awaitStage(id, "NEGOTIATION");
    Map<String, Object> row = db.queryForMap("SELECT * FROM pipeline_deal WHERE deal_id = ?", id);
    assertThat(row.get("stage")).isEqualTo("NEGOTIATION");
    assertThat(row.get("screened_at")).isNotNull();
    assertThat(row.get("cleared_at")).isNotNull();
    assertThat(row.get("offered_at")).isNotNull();
    assertThat(row.get("signed_at")).isNull();
    List<Map<String, Object>> visits = db.queryForList(
        "SELECT stage, entered_at, left_at FROM pipeline_stage_visit WHERE deal_id = ? ORDER BY id", id);
    assertThat(visits).extracting(v -> v.get("stage")).startsWith("DISCLOSED", "SCREENING").endsWith("NEGOTIATION");

    List<Map<String, Object>> times = stageTimes(id);
    assertThat(times).extracting(t -> t.get("stage")).contains("DISCLOSED", "SCREENING").doesNotContain("NEGOTIATION");
    // Counted on its day of disclosure, with any other deal of that centre and day.
    assertThat(dayCounts(id)).extracting(c -> c.get("dimension") + ":" + c.get("item")).contains("STAGE:NEGOTIATION",
        "COUNTRY:CN", "FIELD:" + row.get("technology_field"), "FUNNEL:DISCLOSED", "FUNNEL:OFFERED");
    assertThat(PipelineCountCheck.disagreements(db)).isEmpty();

    projection.build(id);
    assertThat(db.queryForMap("SELECT * FROM pipeline_deal WHERE deal_id = ?", id)).isEqualTo(row);
    assertThat(db.queryForList("SELECT stage, entered_at, left_at FROM pipeline_stage_visit WHERE deal_id = ? ORDER BY id",
        id)).isEqualTo(visits);
    assertThat(stageTimes(id)).isEqualTo(times);
    // Rebuilt, the deal is counted once, as before.
    assertThat(PipelineCountCheck.disagreements(db)).isEmpty();
  }

  @Test
  void theDayCountsAgreeWithTheRowsTheyCount() {
    assertThat(db.queryForObject("SELECT COUNT(*) FROM pipeline_day_count WHERE centre IN ('PIA', 'PIB')", Long.class))
        .isGreaterThan(100);
    assertThat(PipelineCountCheck.disagreements(db)).isEmpty();
  }

  private List<Map<String, Object>> stageTimes(String dealId) {
    return db.queryForList("SELECT stage, left_at, seconds FROM pipeline_stage_time WHERE deal_id = ? ORDER BY stage",
        dealId);
  }

  /** The non-zero counts of the deal's centre and day of disclosure. */
  private List<Map<String, Object>> dayCounts(String dealId) {
    return db.queryForList("""
        SELECT c.dimension, c.item, c.deals, c.open_deals, c.signed_deals FROM pipeline_day_count c
        JOIN pipeline_deal p ON p.centre = c.centre AND DATE(p.disclosed_at) = c.disclosed_on
        WHERE p.deal_id = ? AND c.deals <> 0 ORDER BY c.dimension, c.item""", dealId);
  }



  // ---- the seeded data set ----

  private void seedDeals() {
    String hash = db.queryForObject("SELECT password_hash FROM app_user WHERE username = 'manager'", String.class);
    db.update("INSERT INTO centre (code, name, country, currency) VALUES ('PIA', 'Pipeline A', 'GB', 'GBP'),"
        + " ('PIB', 'Pipeline B', 'CH', 'CHF')");
    db.update("INSERT INTO app_user (username, password_hash, display_name, roles, centres) VALUES"
        + " ('boss', ?, 'Both centres', 'MANAGER', 'PIA,PIB'), ('pia-manager', ?, 'Centre A', 'MANAGER', 'PIA')",
        hash, hash);
    Random random = new Random(20261122);
    String[] countries = {"DE", "JP", "US", "BR"};
    String[] fields = {"Energy", "Medicine", null};
    TransactionTemplate tx = new TransactionTemplate(transactions);
    for (int n = 0; n < 160; n++) {
      Seeded s = new Seeded();
      s.id = UUID.randomUUID().toString();
      s.centre = n % 3 == 0 ? "PIB" : "PIA";
      s.country = countries[random.nextInt(countries.length)];
      s.field = fields[random.nextInt(fields.length)];
      s.disclosed = BASE.plus(Duration.ofSeconds(random.nextLong(400L * 86_400)));
      db.update("""
          INSERT INTO deal (id, reference, title, abstract_text, centre, owner_institution, owner_country,
            target_country, cross_border, trl, technology_field, currency, projected_revenue, royalty_rate, tax_rate,
            discount_rate, patent_costs, stage, status, created_by, created_at, updated_at, version)
          VALUES (?, ?, 'Seeded deal', 'For the pipeline', ?, 'Seed University', 'GB', ?, TRUE, 4, ?, 'GBP', '[]',
            3, 25, 10, 0, 'DISCLOSED', 'OPEN', 'seed', ?, ?, 0)""",
          s.id, "PIP-" + n, s.centre, s.country, s.field, ts(s.disclosed), ts(s.disclosed));
      List<Recorded> trail = trail(s, random);
      tx.executeWithoutResult(status -> trail.forEach(events::publishEvent));
      if (s.closed != null) {
        db.update("UPDATE deal SET stage = 'CLOSED', status = 'CLOSED', outcome = 'NO_AGREEMENT', closed_at = ?"
            + " WHERE id = ?", ts(s.closed), s.id);
      }
      seeded.add(s);
    }
  }

  /** A deal's events: disclosure, stages in order (now and then a counter-offer), a payment, maybe a close. */
  private static List<Recorded> trail(Seeded s, Random random) {
    List<Recorded> trail = new ArrayList<>();
    s.lastActivity = s.disclosed;
    s.enteredCurrent = s.disclosed;
    trail.add(event(s, s.disclosed, Actor.Kind.USER, "DEAL_DISCLOSED", Map.of()));
    Instant t = s.disclosed;
    int furthest = random.nextInt(PATH.length);
    for (int i = 0; i <= furthest; i++) {
      t = t.plus(Duration.ofSeconds(3_600 + random.nextLong(40L * 86_400)));
      trail.add(enter(s, PATH[i], t));
      if (PATH[i] == Stage.NEGOTIATION && random.nextInt(4) == 0) {
        t = t.plus(Duration.ofDays(1 + random.nextInt(20)));
        trail.add(enter(s, Stage.LICENSING, t));
        t = t.plus(Duration.ofDays(1 + random.nextInt(20)));
        trail.add(enter(s, Stage.NEGOTIATION, t));
      }
    }
    if (s.stage == Stage.EXECUTION && random.nextBoolean()) {
      t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
      trail.add(event(s, t, Actor.Kind.USER, "PAYMENT_RECEIVED", Map.of("amount", "1000.00")));
      s.steps.putIfAbsent("PAID", t);
      s.lastActivity = t;
    }
    int fate = random.nextInt(10);
    if (fate < 3) {
      t = t.plus(Duration.ofDays(1 + random.nextInt(30)));
      trail.add(event(s, t, Actor.Kind.SYSTEM, "DEAL_CLOSED", Map.of("outcome", "NO_AGREEMENT", "lastStage", s.stage)));
      s.stays.add(new Object[] {s.current, s.enteredCurrent, t});
      s.closed = t;
      s.stage = Stage.CLOSED;
    } else if (fate < 6) {
      // A person acted recently: not stalled.
      Instant recent = NOW.minus(Duration.ofDays(5));
      trail.add(event(s, recent, Actor.Kind.USER, "COMMENT_ADDED", Map.of()));
      s.lastActivity = recent;
    } else if (fate < 8) {
      // Only the application wrote recently (a reminder): still stalled.
      trail.add(event(s, NOW.minus(Duration.ofDays(3)), Actor.Kind.SYSTEM, "REMINDER_SENT", Map.of("reminder", 1)));
    }
    return trail;
  }

  private static Recorded enter(Seeded s, Stage to, Instant at) {
    s.stays.add(new Object[] {s.current, s.enteredCurrent, at});
    s.current = to;
    s.stage = to;
    s.enteredCurrent = at;
    s.lastActivity = at;
    int reached = switch (to) {
      case VALUATION -> 1;
      case IP_CHECK -> 2;
      case LICENSING -> 3;
      case NEGOTIATION, EXPORT_LICENCE, SIGNATURE -> 4;
      case EXECUTION -> 5;
      default -> 0;
    };
    for (int k = 1; k <= reached; k++) {
      s.steps.putIfAbsent(STEPS.get(k), at);
    }
    if (to == Stage.EXECUTION && s.signed == null) {
      s.signed = at;
    }
    return event(s, at, Actor.Kind.SYSTEM, "STAGE_ENTERED", Map.of("from", "X", "to", to));
  }

  private static Recorded event(Seeded s, Instant at, Actor.Kind kind, String type, Map<String, ?> data) {
    return new Recorded(s.id, at, kind, type, data);
  }

  /**
   * Payments and tasks on two seeded deals of centre A: GBP and CHF schedules, one GBP payment split
   * in GBP, USD and JPY items without any rate, an unpaid item of a closed deal, and five open tasks.
   */
  private void seedMoneyAndTasks() {
    Seeded a = seeded.stream().filter(s -> s.centre.equals("PIA") && s.closed == null).findFirst().orElseThrow();
    Seeded closed = seeded.stream().filter(s -> s.centre.equals("PIA") && s.closed != null).findFirst().orElseThrow();
    LocalDate due = day(BASE.plus(Duration.ofDays(200)));
    db.update("INSERT INTO exchange_rate (base_currency, quote_currency, rate_date, rate, source, recorded_by, recorded_at)"
        + " VALUES ('GBP', 'SEK', ?, 13.0, 'pipeline test', 'seed', ?), ('GBP', 'SEK', ?, 13.5, 'pipeline test', 'seed', ?),"
        + " ('SEK', 'CHF', ?, 0.08, 'pipeline test', 'seed', ?)",
        BASE.atZone(ZoneOffset.UTC).toLocalDate(), ts(NOW), due.plusDays(2), ts(NOW), BASE.atZone(ZoneOffset.UTC).toLocalDate(),
        ts(NOW));
    schedule(a, "UPFRONT", "10000.00", "GBP", due);
    schedule(a, "MS1", "5000.00", "CHF", due.plusDays(30));
    schedule(a, "MS2", "700.00", "USD", due.plusDays(60));
    schedule(a, "MS3", "900.00", "GBP", LocalDate.now(ZoneOffset.UTC).plusDays(60));
    schedule(closed, "UPFRONT", "100000", "JPY", due);
    String payment = UUID.randomUUID().toString();
    // Reported in SEK when it arrived, at an amount the stored rates would not give: the stored one counts.
    db.update("INSERT INTO payment (id, deal_id, milestone, amount, currency, received_on, recorded_by, recorded_at,"
        + " reporting_currency, reporting_amount) VALUES (?, ?, 'UPFRONT', 10000.00, 'GBP', ?, 'seed', ?, 'SEK', 134999.99)",
        payment, a.id, due.plusDays(3), ts(NOW));
    String[][] lines = {{"OFFICE_FEE", "1500.00"}, {"INVENTOR", "4250.00"}, {"OFFICE", "4250.00"}};
    for (int i = 0; i < lines.length; i++) {
      db.update("INSERT INTO ledger_line (payment_id, deal_id, line_no, kind, beneficiary, amount, currency, basis,"
          + " policy_code, policy_version, created_at) VALUES (?, ?, ?, ?, 'x', ?, 'GBP', 'seed', 'STANFORD_CLASSIC', 1, ?)",
          payment, a.id, i + 1, lines[i][0], new BigDecimal(lines[i][1]), ts(NOW));
    }
    Object[][] tasks = {{"pia-broker", -2}, {"pia-broker", -1}, {"pia-broker", 3}, {null, -4}, {null, 5}};
    for (int i = 0; i < tasks.length; i++) {
      db.update("INSERT INTO task (id, deal_id, centre, element_id, name, candidate_group, assignee, state, due_at,"
          + " process_instance_key, created_at, version) VALUES (?, ?, 'PIA', 'Seeded', 'Seeded task', 'brokers:PIA', ?,"
          + " 'OPEN', ?, 1, ?, 0)", 9_000_000_000L + i, a.id, tasks[i][0],
          ts(NOW.plus(Duration.ofDays((Integer) tasks[i][1]))), ts(NOW));
    }
  }

  private void schedule(Seeded s, String code, String amount, String currency, LocalDate due) {
    db.update("INSERT INTO scheduled_payment (deal_id, code, name, amount, currency, due_date) VALUES (?, ?, ?, ?, ?, ?)",
        s.id, code, code, new BigDecimal(amount), currency, due);
  }

  // ---- independent arithmetic ----

  /** In days. */
  private static double median(java.util.Collection<Long> seconds) {
    List<Long> sorted = seconds.stream().sorted().toList();
    int n = sorted.size();
    return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 86_400;
  }

  /** Nearest rank: the smallest value with at least 90% of the values at or below it; in days. */
  private static double p90(java.util.Collection<Long> seconds) {
    List<Long> sorted = seconds.stream().sorted(Comparator.naturalOrder()).toList();
    int rank = 0;
    while (rank < sorted.size() && (rank + 1) * 10 < sorted.size() * 9) {
      rank++;
    }
    return sorted.get(rank) / 86_400.0;
  }

  private static boolean in(Instant t, LocalDate from, LocalDate to) {
    return !t.isBefore(from.atStartOfDay().toInstant(ZoneOffset.UTC))
        && t.isBefore(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  private static boolean inPeriod(Instant t) {
    return in(t, FROM, TO);
  }

  private static JsonNode money(JsonNode report, LocalDate day, String currency) {
    return StreamSupport.stream(report.get("money").spliterator(), false)
        .filter(m -> m.get("currency").asText().equals(currency) && m.get("month").asText().equals(day.toString().substring(0, 7)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + currency + " in " + day + ": " + report.get("money")));
  }

  private static Map<String, Long> counts(JsonNode rows) {
    Map<String, Long> m = new TreeMap<>();
    rows.forEach(row -> m.put(row.get("key").asText(), row.get("deals").asLong()));
    return m;
  }

  private static JsonNode find(JsonNode rows, String field, String value) {
    return StreamSupport.stream(rows.spliterator(), false).filter(r -> value.equals(r.path(field).asText(null)))
        .findFirst().orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + rows));
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  /** Stored times are UTC wall-clock values. */
  private static LocalDateTime ts(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private String text(String user, String path) {
    return org.springframework.web.client.RestClient.create("http://localhost:" + port).get().uri(path)
        .headers(h -> h.setBasicAuth(user, io.ttdesk.local.DemoData.PASSWORD)).retrieve().body(String.class);
  }
}
