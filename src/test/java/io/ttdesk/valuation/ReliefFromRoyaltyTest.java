package io.ttdesk.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliefFromRoyaltyTest {

  private static ReliefFromRoyalty.Inputs inputs(String royalty, String... revenue) {
    return new ReliefFromRoyalty.Inputs(Currency.getInstance("USD"),
        java.util.Arrays.stream(revenue).map(BigDecimal::new).toList(), new BigDecimal(royalty),
        new BigDecimal("25"), new BigDecimal("10"));
  }

  @Test
  void discountsEachYearsAfterTaxRoyalty() {
    // 1,000,000 x 5% x 75% / 1.1 + 2,000,000 x 5% x 75% / 1.21 = 34,090.909 + 61,983.471
    assertThat(ReliefFromRoyalty.value(inputs("5", "1000000", "2000000")).amount()).isEqualByComparingTo("96074.38");
  }

  @Test
  void roundsHalfEvenToTheCurrencysMinorUnit() {
    // 10,000,000 JPY x 3% x 70% / 1.08 = 194,444.44... -> 194,444 (yen have no minor unit)
    ReliefFromRoyalty.Inputs yen = new ReliefFromRoyalty.Inputs(Currency.getInstance("JPY"),
        List.of(new BigDecimal("10000000")), new BigDecimal("3"), new BigDecimal("30"), new BigDecimal("8"));
    assertThat(ReliefFromRoyalty.value(yen).amount()).isEqualByComparingTo("194444");
    assertThat(ReliefFromRoyalty.value(yen).amount().scale()).isZero();
  }

  @Test
  void needsAtLeastOneYear() {
    assertThatThrownBy(() -> ReliefFromRoyalty.value(new ReliefFromRoyalty.Inputs(Currency.getInstance("EUR"), List.of(),
        BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))).isInstanceOf(IllegalArgumentException.class);
  }
}
