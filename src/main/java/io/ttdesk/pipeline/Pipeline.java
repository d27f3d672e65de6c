package io.ttdesk.pipeline;

import io.ttdesk.common.Money;
import io.ttdesk.deal.Stage;
import io.ttdesk.fx.ExchangeRates;
import io.ttdesk.pipeline.Sections.Section;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' figures, read from the pipeline rows, the task list, the payment schedule and the
 * ledger. Deals are counted by the period they were disclosed in, stage stays by the period they
 * ended in, money by the day it fell due or arrived; stalled deals, overdue items and workloads are
 * as of now.
 */
@Service
public class Pipeline {

  /** How many rows a list (stalled deals, overdue items) holds on a page, and in a download; its total is always counted. */
  public static final int PAGE_ROWS = 100;
  public static final int DOWNLOAD_ROWS = 10_000;

  private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);
  private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final NamedParameterJdbcTemplate db;
  /** Hands over rows as the server sends them (MySQL Connector/J's streaming), for reads of many rows. */
  private final NamedParameterJdbcTemplate streaming;
  private final ExchangeRates rates;
  private final Clock clock;

  Pipeline(NamedParameterJdbcTemplate db, DataSource dataSource, ExchangeRates rates, Clock clock) {
    this.db = db;
    JdbcTemplate rows = new JdbcTemplate(dataSource);
    rows.setFetchSize(Integer.MIN_VALUE);
    this.streaming = new NamedParameterJdbcTemplate(rows);
    this.rates = rates;
    this.clock = clock;
  }

  /** What to report on: centres already checked against the reader's grants, whole days, one currency. */
  public record Filter(Set<String> centres, LocalDate from, LocalDate to, int stalledDays, String currency) {}

  public record Count(String key, long deals, long open, long signed) {}

  /** A funnel step: deals that reached it, and the share of the step before and of all disclosed (percent, 1 decimal). */
  public record Step(Funnel step, long deals, BigDecimal ofPrevious, BigDecimal ofDisclosed) {}

  /** Days spent in a stage (or end to end): median and 90th percentile (nearest rank) within 1/128, 1 decimal. */
  public record Cycle(String stage, int deals, BigDecimal medianDays, BigDecimal p90Days) {}

  public record Bucket(String label, int deals) {}

  public record Stalled(String dealId, String reference, String title, String centre, Stage stage,
      Instant lastActivityAt, long idleDays) {}

  public record OverdueTask(long taskId, String dealId, String reference, String centre, String name,
      String assignee, String candidateGroup, Instant dueAt, long daysOverdue) {}

  public record OverduePayment(String dealId, String reference, String centre, String code, String name,
      BigDecimal amount, String currency, LocalDate dueDate, long daysOverdue) {}

  /** Open tasks per assignee; unassigned tasks per candidate group, with a null broker. */
  public record Load(String broker, String candidateGroup, long open, long overdue) {}

  /** Money of one month in one currency, and converted (null when a day of it has no stored rate). */
  public record MoneyRow(String month, String currency, BigDecimal expected, BigDecimal received,
      BigDecimal expectedConverted, BigDecimal receivedConverted) {}

  public record Distributed(String kind, String currency, BigDecimal amount, BigDecimal converted) {}

  public record Listed<T>(long total, List<T> rows) {}

  public record Report(Filter filter, Instant asOf, List<Count> openByStage, List<Count> byStage, List<Count> byCentre,
      List<Count> byCountry, List<Count> byField, List<Step> funnel, List<Cycle> cycleTimes,
      List<Bucket> signatureDistribution, Listed<Stalled> stalled, Listed<OverdueTask> overdueTasks,
      Listed<OverduePayment> overduePayments, List<Load> workload, List<MoneyRow> money,
      List<Distributed> distributed, List<String> missingRates) {}

  @Transactional(readOnly = true)
  public Report report(Filter f, int listRows) {
    return report(f, listRows, EnumSet.allOf(Section.class));
  }

  /** The report with only the sections asked for; the others are left empty. */
  @Transactional(readOnly = true)
  public Report report(Filter f, int listRows, Set<Section> sections) {
    Instant now = clock.instant();
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("centres", f.centres())
        .addValue("fromAt", f.from().atStartOfDay())
        .addValue("toAt", f.to().plusDays(1).atStartOfDay())
        .addValue("fromDay", f.from())
        .addValue("toDay", f.to())
        .addValue("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
        .addValue("today", LocalDate.ofInstant(now, ZoneOffset.UTC))
        .addValue("idleSince", LocalDateTime.ofInstant(now.minus(Duration.ofDays(f.stalledDays())), ZoneOffset.UTC))
        .addValue("idleDay", LocalDate.ofInstant(now.minus(Duration.ofDays(f.stalledDays())), ZoneOffset.UTC))
        .addValue("limit", listRows)
        .addValue("currency", f.currency());
    Converter converter = new Converter(f.currency());
    Cohort cohort = any(sections, Section.STAGES, Section.CENTRES, Section.COUNTRIES, Section.FIELDS, Section.FUNNEL)
        ? cohort(p) : new Cohort();
    Times times = any(sections, Section.CYCLE_TIMES, Section.SIGNATURE_DISTRIBUTION)
        ? times(f, p, LocalDate.ofInstant(now, ZoneOffset.UTC)) : new Times();
    return new Report(f, now,
        any(sections, Section.OPEN_STAGES) ? openByStage(p) : List.of(),
        Cohort.counts(cohort.byStage), Cohort.counts(cohort.byCentre), Cohort.counts(cohort.byCountry),
        Cohort.counts(cohort.byField), cohort.funnel(),
        any(sections, Section.CYCLE_TIMES) ? times.cycles() : List.of(),
        times.signatureDistribution(),
        any(sections, Section.STALLED) ? stalled(p, now) : new Listed<>(0, List.of()),
        any(sections, Section.OVERDUE_TASKS) ? overdueTasks(p, now) : new Listed<>(0, List.of()),
        any(sections, Section.OVERDUE_PAYMENTS) ? overduePayments(p, now) : new Listed<>(0, List.of()),
        any(sections, Section.WORKLOAD) ? workload(p) : List.of(),
        any(sections, Section.MONEY) ? money(p, converter) : List.of(),
        any(sections, Section.DISTRIBUTED) ? distributed(p, converter) : List.of(),
        List.copyOf(converter.missing));
  }

  private static boolean any(Set<Section> wanted, Section... sections) {
    return Arrays.stream(sections).anyMatch(wanted::contains);
  }

  /**
   * The deals disclosed in the period, from the counts kept per centre and day: by stage, centre,
   * target country and technology field, and how many reached each step of the funnel.
   */
  private Cohort cohort(MapSqlParameterSource p) {
    Cohort cohort = new Cohort();
    // Grouped by the database across the centres, so values its collation holds equal (a field
    // spelt in two cases) are one row, as in the deals' own grouping; centres from the stage rows.
    db.query("""
        SELECT c.dimension, c.item, SUM(c.deals), SUM(c.open_deals), SUM(c.signed_deals)
        FROM pipeline_day_count c
        WHERE c.centre IN (:centres) AND c.disclosed_on >= :fromDay AND c.disclosed_on <= :toDay
        GROUP BY c.dimension, c.item
        UNION ALL
        SELECT 'CENTRE', c.centre, SUM(c.deals), SUM(c.open_deals), SUM(c.signed_deals)
        FROM pipeline_day_count c
        WHERE c.centre IN (:centres) AND c.disclosed_on >= :fromDay AND c.disclosed_on <= :toDay
          AND c.dimension = 'STAGE'
        GROUP BY c.centre""", p, rs -> {
          long[] n = {rs.getLong(3), rs.getLong(4), rs.getLong(5)};
          String item = rs.getString(2);
          switch (rs.getString(1)) {
            case "STAGE" -> cohort.byStage.put(item, n);
            case "CENTRE" -> cohort.byCentre.put(item, n);
            case "COUNTRY" -> cohort.byCountry.put(item, n);
            case "FIELD" -> cohort.byField.put(item, n);
            default -> cohort.reached[Funnel.valueOf(item).ordinal()] = n[0];
          }
        });
    return cohort;
  }

  private static final class Cohort {

    final Map<String, long[]> byStage = new HashMap<>();
    final Map<String, long[]> byCentre = new HashMap<>();
    final Map<String, long[]> byCountry = new HashMap<>();
    final Map<String, long[]> byField = new HashMap<>();
    final long[] reached = new long[Funnel.values().length];

    /** Most deals first, then by key; a key whose deals all moved on is left out. */
    static List<Count> counts(Map<String, long[]> counts) {
      return counts.entrySet().stream().filter(e -> e.getValue()[0] > 0)
          .map(e -> new Count(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
          .sorted(Comparator.comparingLong(Count::deals).reversed().thenComparing(Count::key)).toList();
    }

    List<Step> funnel() {
      List<Step> steps = new ArrayList<>();
      for (Funnel step : Funnel.values()) {
        int k = step.ordinal();
        steps.add(new Step(step, reached[k], k == 0 ? null : percent(reached[k], reached[k - 1]),
            percent(reached[k], reached[0])));
      }
      return steps;
    }
  }

  /**
   * Every open deal of the centres as of now, whenever it was disclosed: where the pipeline stands.
   * Only closed deals are in the stage CLOSED, so a stage's open deals are all its deals.
   */
  private List<Count> openByStage(MapSqlParameterSource p) {
    return db.query("""
        SELECT c.item, SUM(c.open_deals), SUM(c.signed_deals) FROM pipeline_day_count c
        WHERE c.centre IN (:centres) AND c.dimension = 'STAGE' AND c.item <> 'CLOSED'
        GROUP BY c.item HAVING SUM(c.open_deals) > 0""", p,
        (rs, i) -> new Count(rs.getString(1), rs.getLong(2), rs.getLong(2), rs.getLong(3))).stream()
        .sorted(Comparator.comparing(c -> Stage.valueOf(c.key()))).toList();
  }

  /**
   * How long deals took, counted by class of duration (within 1/128, see DurationClasses): whole
   * months of the period from the counts kept per centre and month, the days of a month it covers
   * only in part from the deals' own rows. A deal's time in a stage is all its stays there (a
   * counter-offer sends it back), counted in the period its last stay ended.
   */
  private Times times(Filter f, MapSqlParameterSource p, LocalDate today) {
    Times times = new Times();
    Months months = Months.of(f.from(), f.to(), today);
    if (months.first() != null) {
      MapSqlParameterSource q = new MapSqlParameterSource(p.getValues())
          .addValue("firstMonth", months.first()).addValue("lastMonth", months.last());
      db.query("""
          SELECT t.measure, t.bucket, SUM(t.deals) FROM pipeline_month_time t
          WHERE t.centre IN (:centres) AND t.in_month >= :firstMonth AND t.in_month <= :lastMonth
          GROUP BY t.measure, t.bucket""", q, rs -> { times.add(rs.getString(1), rs.getInt(2), rs.getLong(3)); });
    }
    for (LocalDate[] days : months.partial()) {
      MapSqlParameterSource q = new MapSqlParameterSource(p.getValues())
          .addValue("fromAt", days[0].atStartOfDay()).addValue("toAt", days[1].atStartOfDay());
      streaming.query("""
          SELECT t.stage, t.seconds FROM pipeline_stage_time t
          WHERE t.centre IN (:centres) AND t.left_at >= :fromAt AND t.left_at < :toAt""", q,
          rs -> { times.addSeconds(rs.getString(1), rs.getLong(2)); });
      endToEnd("signed_at", q, seconds -> {
        times.addSeconds(MonthTime.TO_SIGNATURE, seconds);
        times.add(MonthTime.SIGNATURE_DAYS, MonthTime.signatureClass(seconds), 1);
      });
      endToEnd("closed_at", q, seconds -> times.addSeconds(MonthTime.TO_CLOSE, seconds));
    }
    return times;
  }

  /** Seconds from disclosure to a later step, for deals that reached it within the range. */
  private void endToEnd(String column, MapSqlParameterSource q, LongConsumer seconds) {
    // The column is signed_at or closed_at, chosen in this class.
    streaming.query("SELECT p.disclosed_at, p." + column + " FROM pipeline_deal p WHERE p.centre IN (:centres) AND p."
        + column + " >= :fromAt AND p." + column + " < :toAt", q,
        rs -> { seconds.accept(Duration.between(instant(rs, 1), instant(rs, 2)).toSeconds()); });
  }

  /**
   * The whole months a period covers (first and last, or none) and the ranges of days before and
   * after them, each from its first day to the day after its last.
   */
  record Months(LocalDate first, LocalDate last, List<LocalDate[]> partial) {

    static Months of(LocalDate from, LocalDate to, LocalDate today) {
      // Nothing ends after today, so a period reaching today covers its month so far.
      LocalDate end = to.isBefore(today) ? to : to.withDayOfMonth(to.lengthOfMonth());
      LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
      LocalDate after = end.withDayOfMonth(1).plusMonths(1);
      LocalDate afterFull = end.getDayOfMonth() == end.lengthOfMonth() ? after : end.withDayOfMonth(1);
      if (!first.isBefore(afterFull)) {
        return new Months(null, null, List.<LocalDate[]>of(new LocalDate[] {from, to.plusDays(1)}));
      }
      List<LocalDate[]> partial = new ArrayList<>();
      if (from.isBefore(first)) {
        partial.add(new LocalDate[] {from, first});
      }
      if (afterFull.isBefore(after)) {
        partial.add(new LocalDate[] {afterFull, to.plusDays(1)});
      }
      return new Months(first, afterFull.minusMonths(1), partial);
    }
  }

  /** Counts by class of duration for each stage and end-to-end measure, and signatures by days taken. */
  static final class Times {

    private final Map<String, long[]> counts = new HashMap<>();

    void add(String measure, int bucket, long deals) {
      counts.computeIfAbsent(measure, m -> new long[MonthTime.SIGNATURE_DAYS.equals(m)
          ? MonthTime.SIGNATURE_DAY_BOUNDS.length + 1 : DurationClasses.COUNT])[bucket] += deals;
    }

    void addSeconds(String measure, long seconds) {
      add(measure, DurationClasses.of(seconds), 1);
    }

    /** Each stage deals left in the period, in the stages' order, then the two end-to-end measures. */
    List<Cycle> cycles() {
      List<Cycle> cycles = new ArrayList<>();
      for (Stage stage : Stage.values()) {
        long[] c = counts.get(stage.name());
        if (c != null && total(c) > 0) {
          cycles.add(cycle(stage.name(), c));
        }
      }
      cycles.add(cycle(MonthTime.TO_SIGNATURE, counts.getOrDefault(MonthTime.TO_SIGNATURE, new long[0])));
      cycles.add(cycle(MonthTime.TO_CLOSE, counts.getOrDefault(MonthTime.TO_CLOSE, new long[0])));
      return cycles;
    }

    /** Deals signed in the period by whole days taken: 0-30, 31-90, 91-180, 181-365, more. */
    List<Bucket> signatureDistribution() {
      long[] c = counts.getOrDefault(MonthTime.SIGNATURE_DAYS, new long[MonthTime.SIGNATURE_DAY_BOUNDS.length + 1]);
      long[] bounds = MonthTime.SIGNATURE_DAY_BOUNDS;
      List<Bucket> buckets = new ArrayList<>();
      for (int b = 0; b < c.length; b++) {
        String label = b == bounds.length ? ">" + bounds[b - 1] : (b == 0 ? 0 : bounds[b - 1] + 1) + "-" + bounds[b];
        buckets.add(new Bucket(label, (int) c[b]));
      }
      return buckets;
    }

    private static Cycle cycle(String measure, long[] c) {
      long n = total(c);
      if (n == 0) {
        return new Cycle(measure, 0, null, null);
      }
      BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(at(c, (n + 1) / 2))
          : BigDecimal.valueOf(at(c, n / 2) + at(c, n / 2 + 1)).divide(BigDecimal.TWO);
      return new Cycle(measure, (int) n, days(median), days(BigDecimal.valueOf(at(c, p90Rank(n)))));
    }

    /** The middle of the class holding the value of this rank, from 1. */
    private static long at(long[] c, long rank) {
      long seen = 0;
      for (int k = 0; k < c.length; k++) {
        seen += c[k];
        if (seen >= rank) {
          return DurationClasses.middle(k);
        }
      }
      throw new IllegalArgumentException("rank " + rank + " of " + seen);
    }

    private static long total(long[] c) {
      return Arrays.stream(c).sum();
    }
  }

  /** The nearest rank of the 90th percentile, from 1: the smallest with at least 90% of the values at or below it. */
  static long p90Rank(long n) {
    return (9 * n + 9) / 10;
  }

  private Listed<Stalled> stalled(MapSqlParameterSource p, Instant now) {
    String where = " WHERE p.status = 'OPEN' AND p.centre IN (:centres) AND p.last_activity_at < :idleSince";
    // The days before the cut-off's day from the counts of open deals per day of last activity,
    // that day itself from the index; only the page's rows are joined to their deals.
    long total = db.queryForObject("""
        SELECT COALESCE(SUM(a.open_deals), 0) + (SELECT COUNT(*) FROM pipeline_deal p WHERE p.status = 'OPEN'
            AND p.centre IN (:centres) AND p.last_activity_at >= :idleDay AND p.last_activity_at < :idleSince)
        FROM pipeline_activity_count a WHERE a.centre IN (:centres) AND a.active_on < :idleDay""", p, Long.class);
    List<Stalled> rows = db.query("SELECT p.deal_id, d.reference, d.title, p.centre, p.stage, p.last_activity_at"
        + " FROM pipeline_deal p JOIN deal d ON d.id = p.deal_id" + where
        + " ORDER BY p.last_activity_at, p.centre, p.deal_id LIMIT :limit", p,
        (rs, i) -> new Stalled(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Stage.valueOf(rs.getString(5)), instant(rs, 6), ChronoUnit.DAYS.between(instant(rs, 6), now)));
    return new Listed<>(total, rows);
  }

  private Listed<OverdueTask> overdueTasks(MapSqlParameterSource p, Instant now) {
    String where = " FROM task t JOIN deal d ON d.id = t.deal_id WHERE t.state = 'OPEN'"
        + " AND t.centre IN (:centres) AND t.due_at < :now";
    long total = db.queryForObject("SELECT COUNT(*)" + where, p, Long.class);
    List<OverdueTask> rows = db.query("SELECT t.id, t.deal_id, d.reference, t.centre, t.name, t.assignee,"
        + " t.candidate_group, t.due_at" + where + " ORDER BY t.due_at, t.id LIMIT :limit", p,
        (rs, i) -> new OverdueTask(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), instant(rs, 8), ChronoUnit.DAYS.between(instant(rs, 8), now)));
    return new Listed<>(total, rows);
  }

  private Listed<OverduePayment> overduePayments(MapSqlParameterSource p, Instant now) {
    String where = " FROM scheduled_payment s JOIN deal d ON d.id = s.deal_id"
        + " LEFT JOIN payment y ON y.deal_id = s.deal_id AND y.milestone = s.code"
        + " WHERE y.id IS NULL AND d.status = 'OPEN' AND d.centre IN (:centres) AND s.due_date < :today";
    long total = db.queryForObject("SELECT COUNT(*)" + where, p, Long.class);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<OverduePayment> rows = db.query("SELECT s.deal_id, d.reference, d.centre, s.code, s.name, s.amount,"
        + " s.currency, s.due_date" + where + " ORDER BY s.due_date, d.reference, s.code LIMIT :limit", p,
        (rs, i) -> {
          LocalDate due = rs.getObject(8, LocalDate.class);
          String currency = rs.getString(7);
          return new OverduePayment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), Money.of(rs.getBigDecimal(6), currency).amount(), currency, due,
              ChronoUnit.DAYS.between(due, today));
        });
    return new Listed<>(total, rows);
  }

  private List<Load> workload(MapSqlParameterSource p) {
    return db.query("""
        SELECT t.assignee, CASE WHEN t.assignee IS NULL THEN t.candidate_group ELSE NULL END AS grp, COUNT(*),
               SUM(CASE WHEN t.due_at < :now THEN 1 ELSE 0 END)
        FROM task t WHERE t.state = 'OPEN' AND t.centre IN (:centres)
        GROUP BY t.assignee, CASE WHEN t.assignee IS NULL THEN t.candidate_group ELSE NULL END
        ORDER BY COUNT(*) DESC, t.assignee, grp""", p,
        (rs, i) -> new Load(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
  }

  /** Per month and currency: payments falling due by the schedule, and payments received. */
  private List<MoneyRow> money(MapSqlParameterSource p, Converter converter) {
    Map<String, BigDecimal[]> rows = new TreeMap<>();
    Map<String, Boolean> complete = new HashMap<>();
    db.query("""
        SELECT s.due_date, s.currency, SUM(s.amount) FROM scheduled_payment s JOIN deal d ON d.id = s.deal_id
        WHERE d.centre IN (:centres) AND s.due_date >= :fromDay AND s.due_date <= :toDay
        GROUP BY s.due_date, s.currency""", p, rs -> {
          add(rows, complete, converter, rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3), 0,
              null);
        });
    // A payment already converted into the report's currency when it arrived counts at that stored
    // amount, so the dashboard agrees with the ledger; any other is converted at the rate of its day.
    db.query("""
        SELECT y.received_on, y.currency, SUM(y.amount),
               SUM(CASE WHEN y.reporting_currency = :currency THEN y.reporting_amount END),
               SUM(CASE WHEN y.reporting_currency = :currency AND y.reporting_amount IS NOT NULL THEN 1 ELSE 0 END),
               COUNT(*)
        FROM payment y JOIN deal d ON d.id = y.deal_id
        WHERE d.centre IN (:centres) AND y.received_on >= :fromDay AND y.received_on <= :toDay
        GROUP BY y.received_on, y.currency""", p, rs -> {
          BigDecimal stored = rs.getLong(5) == rs.getLong(6) ? rs.getBigDecimal(4) : null;
          add(rows, complete, converter, rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3), 1,
              stored);
        });
    List<MoneyRow> result = new ArrayList<>();
    rows.forEach((key, a) -> {
      String month = key.substring(0, 7);
      String currency = key.substring(8);
      result.add(new MoneyRow(month, currency, round(a[0], currency), round(a[1], currency),
          complete.getOrDefault(key + "/0", true) ? round(a[2], converter.to) : null,
          complete.getOrDefault(key + "/1", true) ? round(a[3], converter.to) : null));
    });
    return result;
  }

  /** Adds a day's amount to its month: column 0/1 the amount (expected/received), 2/3 converted (or as stored). */
  private static void add(Map<String, BigDecimal[]> rows, Map<String, Boolean> complete, Converter converter,
      LocalDate day, String currency, BigDecimal amount, int column, BigDecimal stored) {
    String key = day.toString().substring(0, 7) + "/" + currency;
    BigDecimal[] a = rows.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO});
    a[column] = a[column].add(amount);
    BigDecimal converted = stored != null ? stored : converter.convert(currency, day, amount);
    if (converted == null) {
      complete.put(key + "/" + column, false);
    } else {
      a[column + 2] = a[column + 2].add(converted);
    }
  }

  /** Ledger lines of payments received in the period, by beneficiary kind and currency. */
  private List<Distributed> distributed(MapSqlParameterSource p, Converter converter) {
    Map<String, BigDecimal[]> rows = new TreeMap<>();
    Set<String> incomplete = new LinkedHashSet<>();
    db.query("""
        SELECT l.kind, l.currency, y.received_on, SUM(l.amount)
        FROM ledger_line l JOIN payment y ON y.id = l.payment_id JOIN deal d ON d.id = l.deal_id
        WHERE d.centre IN (:centres) AND y.received_on >= :fromDay AND y.received_on <= :toDay
        GROUP BY l.kind, l.currency, y.received_on""", p, rs -> {
          String key = rs.getString(1) + "/" + rs.getString(2);
          BigDecimal[] a = rows.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
          a[0] = a[0].add(rs.getBigDecimal(4));
          BigDecimal converted = converter.convert(rs.getString(2), rs.getObject(3, LocalDate.class),
              rs.getBigDecimal(4));
          if (converted == null) {
            incomplete.add(key);
          } else {
            a[1] = a[1].add(converted);
          }
        });
    List<Distributed> result = new ArrayList<>();
    rows.forEach((key, a) -> {
      String currency = key.substring(key.indexOf('/') + 1);
      result.add(new Distributed(key.substring(0, key.indexOf('/')), currency, round(a[0], currency),
          incomplete.contains(key) ? null : round(a[1], converter.to)));
    });
    return result;
  }

  /** Converts dated amounts into one currency with the rate stored for each day; notes days without one. */
  private final class Converter {

    final String to;
    final Map<String, ExchangeRates.Series> series = new HashMap<>();
    final Set<String> missing = new LinkedHashSet<>();

    Converter(String to) {
      this.to = to;
    }

    BigDecimal convert(String from, LocalDate day, BigDecimal amount) {
      var rate = series.computeIfAbsent(from, c -> rates.series(c, to)).on(day);
      if (rate.isEmpty()) {
        missing.add("no " + from + "/" + to + " rate on or before " + day);
        return null;
      }
      return amount.multiply(rate.get().rate(), MC);
    }
  }

  private static BigDecimal days(BigDecimal seconds) {
    return seconds.divide(SECONDS_PER_DAY, 1, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal percent(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1,
        RoundingMode.HALF_EVEN);
  }

  private static BigDecimal round(BigDecimal amount, String currency) {
    return amount.setScale(Money.scaleOf(Currency.getInstance(currency)), Money.ROUNDING);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }
}
