package io.ttdesk.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoyaltiesTest {

  private static final Money NONE = Money.of("0", "USD");

  @Test
  void quarterlyPeriodsCountFromSignatureAndReportsFall45DaysAfterEach() {
    List<Royalties.Period> year = Royalties.periods(LocalDate.of(2026, 1, 15), TermSheet.ReportingPeriod.QUARTERLY, 1, 45);
    assertThat(year).hasSize(4);
    // 15 Jan to 14 Apr; 14 Apr + 45 days = 29 May.
    assertThat(year.getFirst()).isEqualTo(new Royalties.Period("R1", LocalDate.of(2026, 1, 15),
        LocalDate.of(2026, 4, 14), LocalDate.of(2026, 5, 29), 1, false));
    assertThat(year.getLast()).isEqualTo(new Royalties.Period("R4", LocalDate.of(2026, 10, 15),
        LocalDate.of(2027, 1, 14), LocalDate.of(2027, 2, 28), 1, true));
  }

  @Test
  void periodsFromAMonthsLastDayLeaveNoGapAndMarkEachYearsEnd() {
    List<Royalties.Period> term = Royalties.periods(LocalDate.of(2026, 1, 31), TermSheet.ReportingPeriod.SEMI_ANNUAL, 2, 45);
    assertThat(term).extracting(p -> p.startsOn() + ".." + p.endsOn()).containsExactly(
        "2026-01-31..2026-07-30", "2026-07-31..2027-01-30", "2027-01-31..2027-07-30", "2027-07-31..2028-01-30");
    assertThat(term).extracting(Royalties.Period::contractYear).containsExactly(1, 1, 2, 2);
    assertThat(term).extracting(Royalties.Period::lastOfYear).containsExactly(false, true, false, true);
  }

  @Test
  void aPeriodInTheYearOwesTheRoyaltyOnSalesAndTheShareOfSublicenceIncome() {
    // 3% of 120,000.00 = 3,600.00; 25% of 10,000.00 = 2,500.00; no minimum mid-year.
    Royalties.Assessment a = Royalties.assess(Money.of("120000.00", "USD"), new BigDecimal("3"),
        Money.of("10000.00", "USD"), new BigDecimal("25"), NONE, null);
    assertThat(a.royalty()).isEqualTo(Money.of("3600.00", "USD"));
    assertThat(a.sublicenceRoyalty()).isEqualTo(Money.of("2500.00", "USD"));
    assertThat(a.topUp()).isEqualTo(NONE);
    assertThat(a.due()).isEqualTo(Money.of("6100.00", "USD"));
    assertThat(a.minimumForYear()).isNull();
  }

  @Test
  void theYearsLastReportTopsUpToTheEscalatedMinimum() {
    // Minimum 20,000.00 rising 5% a year: year 3 is 20,000 x 1.05 x 1.05 = 22,050.00.
    Money minimum = Royalties.minimumForYear(Money.of("20000.00", "USD"), new BigDecimal("5"), 3);
    assertThat(minimum).isEqualTo(Money.of("22050.00", "USD"));
    // 15,000.00 earned earlier in the year, 3% of 100,000.00 = 3,000.00 now: 18,000.00, short by 4,050.00.
    Royalties.Assessment a = Royalties.assess(Money.of("100000.00", "USD"), new BigDecimal("3"), NONE,
        BigDecimal.ZERO, Money.of("15000.00", "USD"), minimum);
    assertThat(a.earnedInYear()).isEqualTo(Money.of("18000.00", "USD"));
    assertThat(a.topUp()).isEqualTo(Money.of("4050.00", "USD"));
    assertThat(a.due()).isEqualTo(Money.of("7050.00", "USD"));
  }

  @Test
  void theMinimumOfALateYearIsTheExactPowerRoundedOnce() {
    // 1.07^29 = 7.11425704921684972583937288203554355871992606435302501405 (exact), times
    // 123,456,789,012.34 = 878,303,331,504.7171638... -> 878,303,331,504.72.
    assertThat(Royalties.minimumForYear(Money.of("123456789012.34", "USD"), new BigDecimal("7"), 30))
        .isEqualTo(Money.of("878303331504.72", "USD"));
  }

  @Test
  void aYearThatEarnedMoreThanTheMinimumOwesNoTopUp() {
    Royalties.Assessment a = Royalties.assess(Money.of("500000.00", "USD"), new BigDecimal("3"), NONE,
        BigDecimal.ZERO, Money.of("9000.00", "USD"), Money.of("20000.00", "USD"));
    assertThat(a.earnedInYear()).isEqualTo(Money.of("24000.00", "USD"));
    assertThat(a.topUp()).isEqualTo(NONE);
    assertThat(a.due()).isEqualTo(Money.of("15000.00", "USD"));
  }

  @Test
  void royaltiesRoundHalfEvenToTheCurrencysMinorUnit() {
    // 3.5% of 1,234.57 = 43.20995 -> 43.21; 3% of JPY 1,000,050 = 30,001.5 -> 30,002 (the even neighbour).
    assertThat(Royalties.assess(Money.of("1234.57", "USD"), new BigDecimal("3.5"), NONE, BigDecimal.ZERO, NONE, null)
        .due()).isEqualTo(Money.of("43.21", "USD"));
    assertThat(Royalties.assess(Money.of("1000050", "JPY"), new BigDecimal("3"), Money.of("0", "JPY"), BigDecimal.ZERO,
        Money.of("0", "JPY"), null).due()).isEqualTo(Money.of("30002", "JPY"));
  }
}
