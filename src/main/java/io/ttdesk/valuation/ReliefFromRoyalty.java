package io.ttdesk.valuation;

import io.ttdesk.common.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * Relief from royalty: the royalties the owner is spared, after tax, discounted to today.
 * value = sum over years t=1..n of revenue_t * royalty * (1 - tax) / (1 + discount)^t,
 * computed with 20 significant digits and rounded half-even to the currency's minor unit.
 */
public final class ReliefFromRoyalty {

  private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ReliefFromRoyalty() {}

  /** Rates in percent; the useful life (years) cuts the projection short when it is shorter. */
  public record Inputs(Currency currency, List<BigDecimal> projectedRevenue, BigDecimal royaltyRatePercent,
      BigDecimal taxRatePercent, BigDecimal discountRatePercent, Integer usefulLifeYears) {

    public Inputs(Currency currency, List<BigDecimal> projectedRevenue, BigDecimal royaltyRatePercent,
        BigDecimal taxRatePercent, BigDecimal discountRatePercent) {
      this(currency, projectedRevenue, royaltyRatePercent, taxRatePercent, discountRatePercent, null);
    }

    Inputs withRates(BigDecimal royalty, BigDecimal discount) {
      return new Inputs(currency, projectedRevenue, royalty, taxRatePercent, discount, usefulLifeYears);
    }
  }

  public static Money value(Inputs in) {
    if (in.projectedRevenue().isEmpty()) {
      throw new IllegalArgumentException("at least one year of projected revenue is needed");
    }
    BigDecimal royalty = in.royaltyRatePercent().divide(HUNDRED, MC);
    BigDecimal afterTax = BigDecimal.ONE.subtract(in.taxRatePercent().divide(HUNDRED, MC));
    BigDecimal growth = BigDecimal.ONE.add(in.discountRatePercent().divide(HUNDRED, MC));
    BigDecimal discount = BigDecimal.ONE;
    BigDecimal total = BigDecimal.ZERO;
    List<BigDecimal> years = in.usefulLifeYears() == null ? in.projectedRevenue()
        : in.projectedRevenue().subList(0, Math.min(in.usefulLifeYears(), in.projectedRevenue().size()));
    for (BigDecimal revenue : years) {
      discount = discount.multiply(growth, MC);
      total = total.add(revenue.multiply(royalty, MC).multiply(afterTax, MC).divide(discount, MC), MC);
    }
    return new Money(total, in.currency());
  }
}
