package io.ttdesk.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An amount in one currency, always at the currency's minor-unit scale.
 * Rounding rule: half-even (banker's rounding) wherever a product or quotient is taken.
 */
public record Money(BigDecimal amount, Currency currency) {

  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    amount = amount.setScale(scaleOf(currency), ROUNDING);
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currency));
  }

  public static Money of(BigDecimal amount, String currency) {
    return new Money(amount, Currency.getInstance(currency));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * An amount as a client sent it: the currency must be ISO 4217 and the amount must not have more
   * decimals than its minor unit, since silently rounding what a person typed changes the record.
   */
  public static Money ofInput(String amountField, BigDecimal amount, String currency) {
    if (!isCurrency(currency)) {
      throw new InvalidInputException("currency", "is not an ISO 4217 currency");
    }
    Money money = of(amount, currency);
    if (money.amount().compareTo(amount) != 0) {
      throw new InvalidInputException(amountField, "has more decimals than " + currency + " allows");
    }
    return money;
  }

  /** Whether the code names an ISO 4217 currency. */
  public static boolean isCurrency(String code) {
    try {
      return code != null && code.matches("[A-Z]{3}") && Currency.getInstance(code) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public static int scaleOf(Currency currency) {
    return Math.max(currency.getDefaultFractionDigits(), 0);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** This amount times a percentage (15 means 15%), rounded half-even to the minor unit. */
  public Money percent(BigDecimal pct) {
    return new Money(amount.multiply(pct).divide(BigDecimal.valueOf(100), scaleOf(currency) + 6, ROUNDING), currency);
  }

  public Money min(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount) <= 0 ? this : other;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /**
   * Splits this amount in proportion to the weights so that the parts add up exactly to the
   * whole: each part is rounded down to the minor unit, and the remaining units go one each
   * to the parts with the largest remainders (earlier parts first on ties).
   */
  public List<Money> allocate(List<BigDecimal> weights) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("no weights");
    }
    BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (total.signum() <= 0 || weights.stream().anyMatch(w -> w.signum() < 0)) {
      throw new IllegalArgumentException("weights must be non-negative with a positive total");
    }
    int scale = scaleOf(currency);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    List<BigDecimal> parts = new ArrayList<>();
    List<BigDecimal> remainders = new ArrayList<>();
    BigDecimal allocated = BigDecimal.ZERO;
    for (BigDecimal w : weights) {
      BigDecimal exact = amount.multiply(w).divide(total, scale + 10, RoundingMode.DOWN);
      BigDecimal floor = exact.setScale(scale, RoundingMode.FLOOR);
      parts.add(floor);
      remainders.add(exact.subtract(floor));
      allocated = allocated.add(floor);
    }
    int leftover = amount.subtract(allocated).divide(unit, 0, RoundingMode.UNNECESSARY).intValueExact();
    for (int n = 0; n < leftover; n++) {
      int best = 0;
      for (int i = 1; i < remainders.size(); i++) {
        if (remainders.get(i).compareTo(remainders.get(best)) > 0) {
          best = i;
        }
      }
      parts.set(best, parts.get(best).add(unit));
      remainders.set(best, BigDecimal.valueOf(-1));
    }
    return parts.stream().map(p -> new Money(p, currency)).toList();
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
