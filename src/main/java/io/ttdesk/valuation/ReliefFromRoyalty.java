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

  public record Inputs(Currency currency, List<BigDecimal> projectedRevenue, BigDecimal royaltyRatePercent,
      BigDecimal taxRatePercent, BigDecimal discountRatePercent) {}

  public static Money value(Inputs in) {
    if (in.projectedRevenue().isEmpty()) {
      throw new IllegalArgumentException("at least one year of projected revenue is needed");
    }
    BigDecimal royalty = in.royaltyRatePercent().divide(HUNDRED, MC);
    BigDecimal afterTax = BigDecimal.ONE.subtract(in.taxRatePercent().divide(HUNDRED, MC));
    BigDecimal growth = BigDecimal.ONE.add(in.discountRatePercent().divide(HUNDRED, MC));
    BigDecimal discount = BigDecimal.ONE;
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal revenue : in.projectedRevenue()) {
      discount = discount.multiply(growth, MC);
      total = total.add(revenue.multiply(royalty, MC).multiply(afterTax, MC).divide(discount, MC), MC);
    }
    return new Money(total, in.currency());
  }
}
