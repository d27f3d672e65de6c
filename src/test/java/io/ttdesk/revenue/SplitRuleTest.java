package io.ttdesk.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttdesk.common.Money;
import io.ttdesk.revenue.SplitRule.InventorShare;
import io.ttdesk.revenue.SplitRule.Kind;
import io.ttdesk.revenue.SplitRule.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stanford's classic rule: 15% to the office, then patent costs, then thirds. */
class SplitRuleTest {

  private static final SplitRule STANFORD = SplitRule.flat("STANFORD_CLASSIC", 1, new BigDecimal("15"), true, List.of(
      new SplitRule.Share(Kind.INVENTOR, "Inventors", BigDecimal.ONE),
      new SplitRule.Share(Kind.DEPARTMENT, "Department", BigDecimal.ONE),
      new SplitRule.Share(Kind.OFFICE, "Office", BigDecimal.ONE)));

  private static final List<InventorShare> SIXTY_FORTY = List.of(
      new InventorShare("Chen", "Physics", new BigDecimal("60")), new InventorShare("Rossi", "Physics", new BigDecimal("40")));

  @Test
  void officeThenPatentCostsThenThirdsThenInventorShares() {
    List<Line> lines = STANFORD.split(Money.of("1000.00", "USD"), before(Money.of("100.00", "USD")), SIXTY_FORTY);
    assertThat(lines).extracting(l -> l.kind() + " " + l.beneficiary() + " " + l.amount().amount().toPlainString())
        .containsExactly(
            "OFFICE_FEE Technology transfer office 150.00",
            "PATENT_COSTS Patent cost reimbursement 100.00",
            "INVENTOR Chen 150.00",
            "INVENTOR Rossi 100.00",
            "DEPARTMENT Physics 250.00",
            "OFFICE Office 250.00");
  }

  @Test
  void patentCostsAreReimbursedOnlyUpToWhatIsLeftAfterTheOfficeFee() {
    List<Line> lines = STANFORD.split(Money.of("100.00", "EUR"), before(Money.of("5000.00", "EUR")), SIXTY_FORTY);
    assertThat(amount(lines, Kind.PATENT_COSTS)).isEqualByComparingTo("85.00");
    assertThat(amount(lines, Kind.DEPARTMENT)).isEqualByComparingTo("0.00");
    assertThat(total(lines)).isEqualByComparingTo("100.00");
  }

  @Test
  void centsThatDoNotDivideEvenlyStillAddUpToThePayment() {
    List<Line> lines = STANFORD.split(Money.of("100.00", "USD"), before(Money.zero(java.util.Currency.getInstance("USD"))),
        List.of(new InventorShare("A", null, new BigDecimal("33.3333")), new InventorShare("B", null, new BigDecimal("33.3333")),
            new InventorShare("C", null, new BigDecimal("33.3334"))));
    assertThat(amount(lines, Kind.OFFICE_FEE)).isEqualByComparingTo("15.00");
    assertThat(lines.stream().filter(l -> l.kind() == Kind.INVENTOR).map(l -> l.amount().amount())
        .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("28.34");
    assertThat(total(lines)).isEqualByComparingTo("100.00");
  }

  @Test
  void departmentShareFollowsEachInventorsDepartment() {
    List<Line> lines = STANFORD.split(Money.of("1000.00", "USD"), before(Money.zero(java.util.Currency.getInstance("USD"))),
        List.of(new InventorShare("Chen", "Physics", new BigDecimal("50")),
            new InventorShare("Rossi", "Chemistry", new BigDecimal("30")),
            new InventorShare("Li", "Physics", new BigDecimal("20"))));
    assertThat(lines).filteredOn(l -> l.kind() == Kind.DEPARTMENT)
        .extracting(l -> l.beneficiary() + " " + l.amount().amount().toPlainString())
        .containsExactly("Physics 198.33", "Chemistry 85.00");
    assertThat(total(lines)).isEqualByComparingTo("1000.00");
  }

  @Test
  void currenciesWithoutMinorUnitsSplitInWholeUnits() {
    List<Line> lines = STANFORD.split(Money.of("10001", "JPY"), before(Money.zero(java.util.Currency.getInstance("JPY"))), SIXTY_FORTY);
    assertThat(amount(lines, Kind.OFFICE_FEE)).isEqualByComparingTo("1500");
    assertThat(lines).allSatisfy(l -> assertThat(l.amount().amount().scale()).isZero());
    assertThat(total(lines)).isEqualByComparingTo("10001");
  }

  @Test
  void partsAlwaysAddUpExactlyToThePayment() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      Money payment = new Money(BigDecimal.valueOf(1 + random.nextInt(1_000_000_000), 2), java.util.Currency.getInstance("USD"));
      Money patent = new Money(BigDecimal.valueOf(random.nextInt(5_000_000), 2), java.util.Currency.getInstance("USD"));
      int n = 1 + random.nextInt(5);
      List<InventorShare> inventors = new ArrayList<>();
      BigDecimal left = new BigDecimal("100");
      for (int k = 0; k < n - 1; k++) {
        BigDecimal share = left.multiply(BigDecimal.valueOf(random.nextInt(90) + 5)).divide(BigDecimal.valueOf(100), 4,
            java.math.RoundingMode.DOWN);
        inventors.add(new InventorShare("I" + k, "D" + random.nextInt(3), share));
        left = left.subtract(share);
      }
      inventors.add(new InventorShare("I" + (n - 1), null, left));
      List<Line> lines = STANFORD.split(payment, before(patent), inventors);
      assertThat(total(lines)).as("split of %s", payment).isEqualByComparingTo(payment.amount());
      assertThat(lines).allSatisfy(l -> assertThat(l.amount().amount().signum()).isGreaterThanOrEqualTo(0));
    }
  }

  private static SplitRule.History before(Money patentCostsOutstanding) {
    return new SplitRule.History(patentCostsOutstanding, Money.zero(patentCostsOutstanding.currency()), BigDecimal.ONE);
  }

  private static BigDecimal amount(List<Line> lines, Kind kind) {
    return lines.stream().filter(l -> l.kind() == kind).findFirst().orElseThrow().amount().amount();
  }

  private static BigDecimal total(List<Line> lines) {
    return lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
