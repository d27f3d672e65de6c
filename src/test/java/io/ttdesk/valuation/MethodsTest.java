package io.ttdesk.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttdesk.valuation.Methods.StageCashFlow;
import io.ttdesk.valuation.TechnologyRating.Grade;
import io.ttdesk.valuation.TechnologyRating.Score;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodsTest {

  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void riskAdjustedNpvWeighsEachCashFlowByItsChance() {
    // -100,000 x 100% / 1.1 + 500,000 x 40% / 1.21 = -90,909.09 + 165,289.26 = 74,380.17
    assertThat(Methods.riskAdjustedNpv(USD, new BigDecimal("10"), List.of(
        new StageCashFlow(1, new BigDecimal("-100000"), new BigDecimal("100")),
        new StageCashFlow(2, new BigDecimal("500000"), new BigDecimal("40")))).amount()).isEqualByComparingTo("74380.17");
  }

  @Test
  void twentyFivePercentRuleDiscountsAQuarterOfTheProfit() {
    // 25% of 400,000 / 1.1 + 25% of 800,000 / 1.21 = 90,909.09 + 165,289.26 = 256,198.35
    assertThat(Methods.profitShare(USD, List.of(new BigDecimal("400000"), new BigDecimal("800000")),
        new BigDecimal("25"), new BigDecimal("10")).amount()).isEqualByComparingTo("256198.35");
  }

  @Test
  void comparablesGiveMedianAndRange() {
    Methods.RateRange even = Methods.comparables(List.of(comparable("2"), comparable("3.5"), comparable("5"),
        comparable("4")));
    assertThat(even.median()).isEqualByComparingTo("3.75");
    assertThat(even.low()).isEqualByComparingTo("2");
    assertThat(even.high()).isEqualByComparingTo("5");
    assertThat(Methods.comparables(List.of(comparable("9"), comparable("2"), comparable("3"))).median())
        .isEqualByComparingTo("3");
    assertThatThrownBy(() -> Methods.comparables(List.of(comparable("3")))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sensitivityMovesRoyaltyByOnePointAndDiscountByTwo() {
    ReliefFromRoyalty.Inputs base = new ReliefFromRoyalty.Inputs(USD, List.of(new BigDecimal("1000000")),
        new BigDecimal("3"), BigDecimal.ZERO, new BigDecimal("10"));
    List<Methods.Sensitivity> grid = Methods.sensitivity(base);
    assertThat(grid).hasSize(9);
    // 30,000 / 1.1; 40,000 / 1.08; 20,000 / 1.12
    assertThat(cell(grid, "3", "10")).isEqualByComparingTo("27272.73");
    assertThat(cell(grid, "4", "8")).isEqualByComparingTo("37037.04");
    assertThat(cell(grid, "2", "12")).isEqualByComparingTo("17857.14");
  }

  @Test
  void usefulLifeCutsTheProjectionShort() {
    ReliefFromRoyalty.Inputs twoYears = new ReliefFromRoyalty.Inputs(USD,
        List.of(new BigDecimal("1000000"), new BigDecimal("2000000"), new BigDecimal("3000000")),
        new BigDecimal("5"), new BigDecimal("25"), new BigDecimal("10"), 2);
    assertThat(ReliefFromRoyalty.value(twoYears).amount()).isEqualByComparingTo("96074.38");
  }

  @Test
  void ratingWeighsFourAreasAndDiscountsRiskAndImmaturity() {
    // 5x0.20 + 4x0.30 + 4x0.25 + 3x0.25 = 3.95 -> (3.95 - 1) x 25 = 73.75 points;
    // risk 10% and TRL 5 (5%) keep 85%: 62.69 -> BBB, good enough for IP-backed financing.
    TechnologyRating.Result r = TechnologyRating.rate(
        new TechnologyRating.Inputs(Score.A, Score.B, Score.B, Score.C, new BigDecimal("10"), 5));
    assertThat(r.weightedScore()).isEqualByComparingTo("3.95");
    assertThat(r.points()).isEqualByComparingTo("62.69");
    assertThat(r.grade()).isEqualTo(Grade.BBB);
    assertThat(r.financeable()).isTrue();
    assertThat(TechnologyRating.rate(new TechnologyRating.Inputs(Score.A, Score.A, Score.A, Score.A, BigDecimal.ZERO, 8))
        .grade()).isEqualTo(Grade.AAA);
    // 2x0.20 + 3x0.30 + 2x0.25 + 2x0.25 = 2.3 -> 32.5 points; risk 20% and TRL 2 (10%) keep 70%: 22.75 -> CC.
    TechnologyRating.Result weak = TechnologyRating.rate(
        new TechnologyRating.Inputs(Score.D, Score.C, Score.D, Score.D, new BigDecimal("20"), 2));
    assertThat(weak.points()).isEqualByComparingTo("22.75");
    assertThat(weak.grade()).isEqualTo(Grade.CC);
    assertThat(weak.financeable()).isFalse();
  }

  private static Methods.Comparable comparable(String rate) {
    return new Methods.Comparable("deal " + rate, new BigDecimal(rate));
  }

  private static BigDecimal cell(List<Methods.Sensitivity> grid, String royalty, String discount) {
    return grid.stream().filter(c -> c.royaltyRatePercent().compareTo(new BigDecimal(royalty)) == 0
        && c.discountRatePercent().compareTo(new BigDecimal(discount)) == 0).findFirst().orElseThrow().value().amount();
  }
}
