package io.ttdesk.licensing;

import io.ttdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of running royalties. A licence term is cut into reporting periods counted from
 * the signature date; each contract year's last report also settles the minimum annual royalty.
 */
public final class Royalties {

  private Royalties() {}

  /** One reporting period: the report is due a fixed number of days after it ends. */
  public record Period(String code, LocalDate startsOn, LocalDate endsOn, LocalDate reportDueOn, int contractYear,
      boolean lastOfYear) {}

  /**
   * What one report makes due. The minimum and the year's earnings are present only on the last
   * report of a contract year; the top-up is what the year's royalties fell short of the minimum.
   */
  public record Assessment(Money royalty, Money sublicenceRoyalty, Money minimumForYear, Money earnedInYear,
      Money topUp, Money due) {}

  /** The periods of a term, each started from the signature date so months never drift. */
  public static List<Period> periods(LocalDate signedOn, TermSheet.ReportingPeriod every, int termYears,
      int reportDueDays) {
    int perYear = 12 / every.months;
    List<Period> periods = new ArrayList<>();
    for (int k = 0; k < termYears * perYear; k++) {
      LocalDate start = signedOn.plusMonths((long) k * every.months);
      LocalDate end = signedOn.plusMonths((long) (k + 1) * every.months).minusDays(1);
      periods.add(new Period("R" + (k + 1), start, end, end.plusDays(reportDueDays), k / perYear + 1,
          (k + 1) % perYear == 0));
    }
    return periods;
  }

  /** The minimum annual royalty of a contract year: the first year's amount, raised yearly and compounded. */
  public static Money minimumForYear(Money firstYear, BigDecimal escalationPercent, int year) {
    // Exact power, rounded once to the minor unit by Money.
    BigDecimal factor = BigDecimal.ONE.add(escalationPercent.movePointLeft(2)).pow(year - 1);
    return new Money(firstYear.amount().multiply(factor), firstYear.currency());
  }

  /**
   * The royalty on a period's net sales and on the sublicence income the licensee received, and,
   * when the period closes a contract year, the top-up to that year's minimum. Everything the
   * licensee earned for the licensor in the year counts towards the minimum.
   */
  public static Assessment assess(Money netSales, BigDecimal royaltyRate, Money sublicenceIncome,
      BigDecimal sublicenceShare, Money earnedEarlierInYear, Money minimumForYear) {
    Money royalty = netSales.percent(royaltyRate);
    Money sublicence = sublicenceIncome.percent(sublicenceShare);
    Money earned = royalty.plus(sublicence);
    Money zero = Money.zero(netSales.currency());
    if (minimumForYear == null) {
      return new Assessment(royalty, sublicence, null, null, zero, earned);
    }
    Money inYear = earnedEarlierInYear.plus(earned);
    Money topUp = inYear.amount().compareTo(minimumForYear.amount()) < 0 ? minimumForYear.minus(inYear) : zero;
    return new Assessment(royalty, sublicence, minimumForYear, inYear, topUp, earned.plus(topUp));
  }
}
