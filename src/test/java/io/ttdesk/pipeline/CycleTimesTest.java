package io.ttdesk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttdesk.pipeline.Pipeline.Cycle;
import io.ttdesk.pipeline.Pipeline.Months;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CycleTimesTest {

  @Test
  void everyDurationIsWithinOneHundredAndTwentyEighthOfItsClassesMiddle() {
    Random random = new Random(7);
    int previous = 0;
    for (long v = 0; v < 2_000_000; v++) {
      int c = DurationClasses.of(v);
      assertThat(c).isBetween(previous, previous + 1);
      previous = c;
      assertThat(Math.abs(DurationClasses.middle(c) - v)).as("%d", v).isLessThanOrEqualTo(v / 128);
    }
    for (int i = 0; i < 100_000; i++) {
      long v = random.nextLong(Long.MAX_VALUE / 2);
      assertThat((double) Math.abs(DurationClasses.middle(DurationClasses.of(v)) - v)).isLessThanOrEqualTo(v / 128.0);
    }
    assertThat(DurationClasses.of(127)).isEqualTo(127);
    assertThat(DurationClasses.of(-5)).isZero();
    assertThat(DurationClasses.of(Long.MAX_VALUE)).isEqualTo(DurationClasses.COUNT - 1);
    for (int c = 0; c < DurationClasses.COUNT; c++) {
      assertThat(DurationClasses.of(DurationClasses.middle(c))).isEqualTo(c);
    }
  }

  @Test
  void medianAndNinetiethPercentileAreTheExactOnesWithinTheirClass() {
    Random random = new Random(11);
    for (int n : new int[] {1, 2, 3, 10, 11, 999, 5000}) {
      long[] seconds = random.longs(n, 60, 400L * 86_400).toArray();
      Pipeline.Times times = new Pipeline.Times();
      Arrays.stream(seconds).forEach(s -> times.addSeconds("VALUATION", s));
      Arrays.sort(seconds);
      Cycle cycle = times.cycles().getFirst();
      assertThat(cycle.stage()).isEqualTo("VALUATION");
      assertThat(cycle.deals()).isEqualTo(n);
      double median = n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2.0;
      assertClose(cycle.medianDays(), median);
      assertClose(cycle.p90Days(), seconds[(int) Pipeline.p90Rank(n) - 1]);
    }
  }

  /** Within 1/128 of the exact figure, and then rounded to a tenth of a day. */
  private static void assertClose(BigDecimal days, double exactSeconds) {
    assertThat(days.scale()).isEqualTo(1);
    double exactDays = exactSeconds / 86_400;
    assertThat(days.doubleValue()).isBetween(exactDays * 127 / 128 - 0.05, exactDays * 129 / 128 + 0.05);
  }

  @Test
  void theEndToEndMeasuresAreAlwaysThereAndSignaturesAreCountedByWholeDays() {
    Pipeline.Times times = new Pipeline.Times();
    for (long days : new long[] {0, 30, 31, 90, 91, 180, 181, 365, 366, 1000}) {
      times.add(MonthTime.SIGNATURE_DAYS, MonthTime.signatureClass(days * 86_400 + 86_399), 1);
    }
    assertThat(times.signatureDistribution()).extracting(Pipeline.Bucket::label)
        .containsExactly("0-30", "31-90", "91-180", "181-365", ">365");
    assertThat(times.signatureDistribution()).extracting(Pipeline.Bucket::deals).containsExactly(2, 2, 2, 2, 2);
    assertThat(times.cycles()).extracting(Cycle::stage).containsExactly(MonthTime.TO_SIGNATURE, MonthTime.TO_CLOSE);
    assertThat(times.cycles()).extracting(Cycle::deals).containsExactly(0, 0);
  }

  @Test
  void aPeriodReadsItsWholeMonthsFromTheCountsAndTheRestFromTheRows() {
    LocalDate today = LocalDate.of(2026, 11, 22);
    Months middle = Months.of(LocalDate.of(2025, 3, 15), LocalDate.of(2025, 9, 10), today);
    assertThat(middle.first()).isEqualTo(LocalDate.of(2025, 4, 1));
    assertThat(middle.last()).isEqualTo(LocalDate.of(2025, 8, 1));
    assertThat(middle.partial()).containsExactly(range("2025-03-15", "2025-04-01"), range("2025-09-01", "2025-09-11"));

    Months whole = Months.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), today);
    assertThat(whole.first()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(whole.last()).isEqualTo(LocalDate.of(2025, 12, 1));
    assertThat(whole.partial()).isEmpty();

    // The default period, up to today: nothing has ended after today, so this month counts whole.
    Months untilToday = Months.of(LocalDate.of(2025, 12, 1), today, today);
    assertThat(untilToday.first()).isEqualTo(LocalDate.of(2025, 12, 1));
    assertThat(untilToday.last()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(untilToday.partial()).isEmpty();

    Months inOneMonth = Months.of(LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 27), today);
    assertThat(inOneMonth.first()).isNull();
    assertThat(inOneMonth.partial()).containsExactly(range("2025-02-03", "2025-02-28"));

    Months acrossTwo = Months.of(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 27), today);
    assertThat(acrossTwo.first()).isNull();
    assertThat(acrossTwo.partial()).containsExactly(range("2025-01-20", "2025-02-28"));

    Months lastDayOnly = Months.of(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28), today);
    assertThat(lastDayOnly.first()).isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(lastDayOnly.last()).isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(lastDayOnly.partial()).containsExactly(range("2025-01-31", "2025-02-01"));
  }

  private static LocalDate[] range(String from, String until) {
    return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(until)};
  }

  @Test
  void theMonthOfAnInstantIsItsFirstDayInUtc() {
    assertThat(MonthTime.monthOf(java.time.Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(MonthTime.monthOf(java.time.Instant.parse("2026-04-01T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(List.of(MonthTime.signatureClass(30 * 86_400 + 86_399), MonthTime.signatureClass(31 * 86_400)))
        .containsExactly(0, 1);
  }
}
