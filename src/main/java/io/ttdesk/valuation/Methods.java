package io.ttdesk.valuation;

import io.ttdesk.common.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The valuation methods besides relief from royalty, as pure arithmetic: 20 significant digits,
 * results rounded half-even to the currency's minor unit. Rates and shares are in percent.
 */
public final class Methods {

  private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Methods() {}

  /** A cash flow expected in a year, and the probability (percent) that the project gets there. */
  public record StageCashFlow(int year, BigDecimal cashFlow, BigDecimal probabilityPercent) {}

  /** Risk-adjusted NPV: the sum of cash_t x p_t / (1 + discount)^t. */
  public static Money riskAdjustedNpv(Currency currency, BigDecimal discountRatePercent, List<StageCashFlow> flows) {
    if (flows.isEmpty()) {
      throw new IllegalArgumentException("at least one cash flow is needed");
    }
    BigDecimal growth = BigDecimal.ONE.add(discountRatePercent.divide(HUNDRED, MC));
    BigDecimal total = BigDecimal.ZERO;
    for (StageCashFlow f : flows) {
      BigDecimal expected = f.cashFlow().multiply(f.probabilityPercent().divide(HUNDRED, MC), MC);
      total = total.add(expected.divide(growth.pow(f.year(), MC), MC), MC);
    }
    return new Money(total, currency);
  }

  /**
   * The 25% rule (a rule of thumb only): the licensor's share of the licensee's expected operating
   * profit, discounted; {@code sharePercent} is 25 by custom.
   */
  public static Money profitShare(Currency currency, List<BigDecimal> operatingProfit, BigDecimal sharePercent,
      BigDecimal discountRatePercent) {
    if (operatingProfit.isEmpty()) {
      throw new IllegalArgumentException("at least one year of operating profit is needed");
    }
    BigDecimal share = sharePercent.divide(HUNDRED, MC);
    BigDecimal growth = BigDecimal.ONE.add(discountRatePercent.divide(HUNDRED, MC));
    BigDecimal discount = BigDecimal.ONE;
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal profit : operatingProfit) {
      discount = discount.multiply(growth, MC);
      total = total.add(profit.multiply(share, MC).divide(discount, MC), MC);
    }
    return new Money(total, currency);
  }

  /** A comparable deal and its running royalty rate (percent). */
  public record Comparable(String name, BigDecimal royaltyRatePercent) {}

  /** The royalty rates of comparable deals: median (mean of the middle two when even), lowest, highest. */
  public record RateRange(BigDecimal median, BigDecimal low, BigDecimal high) {}

  public static RateRange comparables(List<Comparable> deals) {
    if (deals.size() < 2) {
      throw new IllegalArgumentException("at least two comparable deals are needed");
    }
    List<BigDecimal> rates = new ArrayList<>(deals.stream().map(Comparable::royaltyRatePercent).sorted().toList());
    int n = rates.size();
    BigDecimal median = n % 2 == 1 ? rates.get(n / 2)
        : rates.get(n / 2 - 1).add(rates.get(n / 2)).divide(BigDecimal.valueOf(2), MC);
    return new RateRange(median.stripTrailingZeros(), rates.getFirst().stripTrailingZeros(),
        rates.getLast().stripTrailingZeros());
  }

  /** One cell of the sensitivity grid: relief from royalty with the rates moved. */
  public record Sensitivity(BigDecimal royaltyRatePercent, BigDecimal discountRatePercent, Money value) {}

  /** Relief from royalty at royalty rate -1/0/+1 point and discount rate -2/0/+2 points (rates kept positive). */
  public static List<Sensitivity> sensitivity(ReliefFromRoyalty.Inputs base) {
    List<Sensitivity> grid = new ArrayList<>();
    for (int dr : new int[] {-1, 0, 1}) {
      for (int dd : new int[] {-2, 0, 2}) {
        BigDecimal royalty = base.royaltyRatePercent().add(BigDecimal.valueOf(dr));
        BigDecimal discount = base.discountRatePercent().add(BigDecimal.valueOf(dd));
        if (royalty.signum() > 0 && discount.signum() > 0) {
          grid.add(new Sensitivity(royalty, discount, ReliefFromRoyalty.value(base.withRates(royalty, discount))));
        }
      }
    }
    return grid;
  }
}
