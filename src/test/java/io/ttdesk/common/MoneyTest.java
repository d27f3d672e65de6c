package io.ttdesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void keepsTheCurrencysMinorUnitAndRoundsHalfEven() {
    assertThat(Money.of("10.005", "USD").amount()).isEqualByComparingTo("10.00");
    assertThat(Money.of("10.015", "USD").amount()).isEqualByComparingTo("10.02");
    assertThat(Money.of("1500.5", "JPY").amount()).isEqualByComparingTo("1500");
    assertThat(Money.of("1501.5", "JPY").amount()).isEqualByComparingTo("1502");
  }

  @Test
  void allocationGivesLeftoverCentsToTheLargestRemaindersEarliestFirst() {
    List<Money> thirds = Money.of("100.00", "USD").allocate(weights(1, 1, 1));
    assertThat(thirds).extracting(Money::amount).map(BigDecimal::toPlainString).containsExactly("33.34", "33.33", "33.33");
    List<Money> parts = Money.of("10.00", "EUR").allocate(weights(1, 2));
    assertThat(parts).extracting(Money::amount).map(BigDecimal::toPlainString).containsExactly("3.33", "6.67");
  }

  @Test
  void refusesCurrencyMixingAndBadWeights() {
    assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1", "USD").allocate(weights(1, -1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1", "USD").allocate(weights(0, 0))).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<BigDecimal> weights(int... w) {
    return java.util.Arrays.stream(w).mapToObj(BigDecimal::valueOf).toList();
  }
}
