package io.ttdesk.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ttdesk.common.Money;
import io.ttdesk.revenue.SplitRule.InventorShare;
import io.ttdesk.revenue.SplitRule.Kind;
import io.ttdesk.revenue.SplitRule.Line;
import io.ttdesk.revenue.SplitRule.Share;
import io.ttdesk.revenue.SplitRule.Tier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policies of DOMAIN.md, each with an example worked by hand in the comments. */
class PolicyExamplesTest {

  private static final List<InventorShare> CHEN = List.of(new InventorShare("Chen", "Physics", new BigDecimal("100")));

  private static final SplitRule STANFORD_TIERED = new SplitRule("STANFORD_TIERED", 1, new BigDecimal("15"), true, List.of(
      new Tier(BigDecimal.ZERO, List.of(share(Kind.INVENTOR, "33.34"), share(Kind.DEPARTMENT, "24.66"),
          share(Kind.SCHOOL, "21"), share(Kind.OFFICE, "21"))),
      new Tier(new BigDecimal("3000000"), List.of(share(Kind.INVENTOR, "33.34"), share(Kind.DEPARTMENT, "14.66"),
          share(Kind.SCHOOL, "26"), share(Kind.OFFICE, "26")))));

  @Test
  void stanfordTieredSplitsAPaymentThatCrossesThreeMillionInTwoParts() {
    // 1,000,000.00 paid with 2,500,000.00 of net income already on the licence:
    // office 15% = 150,000.00; net 850,000.00 = 500,000.00 below 3M + 350,000.00 above.
    // below: 33.34% 166,700.00 / 24.66% 123,300.00 / 21% 105,000.00 / 21% 105,000.00
    // above: 33.34% 116,690.00 / 14.66%  51,310.00 / 26%  91,000.00 / 26%  91,000.00
    List<Line> lines = STANFORD_TIERED.split(Money.of("1000000.00", "USD"),
        history("0", "2500000.00", "USD", "1"), CHEN);
    assertThat(lines).extracting(l -> l.kind() + " " + l.amount().amount().toPlainString()).containsExactly(
        "OFFICE_FEE 150000.00",
        "INVENTOR 166700.00", "DEPARTMENT 123300.00", "SCHOOL 105000.00", "OFFICE 105000.00",
        "INVENTOR 116690.00", "DEPARTMENT 51310.00", "SCHOOL 91000.00", "OFFICE 91000.00");
    assertThat(lines.get(8).basis()).isEqualTo("26/100 of net 350000.00 USD in the tier from 3000000.00 USD");
    assertThat(total(lines)).isEqualByComparingTo("1000000.00");
  }

  @Test
  void thresholdsInDollarsApplyToPaymentsInYuanAtTheStoredRate() {
    // 3,000,000 USD at 7.1 CNY/USD = 21,300,000.00 CNY; 20,000,000.00 CNY before; net of a
    // 2,000,000.00 CNY payment = 1,700,000.00, of which 1,300,000.00 below and 400,000.00 above.
    List<Line> lines = STANFORD_TIERED.split(Money.of("2000000.00", "CNY"),
        history("0", "20000000.00", "CNY", "7.1"), CHEN);
    assertThat(lines).filteredOn(l -> l.kind() == Kind.SCHOOL).extracting(l -> l.amount().amount().toPlainString())
        .containsExactly("273000.00", "104000.00");
    assertThat(total(lines)).isEqualByComparingTo("2000000.00");
  }

  @Test
  void notreDameGivesInventorsHalfOfTheFirstHundredThousandAndAQuarterAbove() {
    // 150,000.00 paid, 10,000.00 patent costs outstanding, 40,000.00 net already on the licence:
    // net 140,000.00 = 60,000.00 up to 100k (50/50) + 80,000.00 above (25/75).
    SplitRule notreDame = new SplitRule("NOTRE_DAME", 1, BigDecimal.ZERO, true, List.of(
        new Tier(BigDecimal.ZERO, List.of(share(Kind.INVENTOR, "50"), share(Kind.OFFICE, "50"))),
        new Tier(new BigDecimal("100000"), List.of(share(Kind.INVENTOR, "25"), share(Kind.OFFICE, "75")))));
    List<Line> lines = notreDame.split(Money.of("150000.00", "USD"), history("10000.00", "40000.00", "USD", "1"), CHEN);
    assertThat(lines).extracting(l -> l.kind() + " " + l.amount().amount().toPlainString()).containsExactly(
        "PATENT_COSTS 10000.00", "INVENTOR 30000.00", "OFFICE 30000.00", "INVENTOR 20000.00", "OFFICE 60000.00");
  }

  @Test
  void yedaGivesFortyPercentToTheScientists() {
    SplitRule yeda = SplitRule.flat("YEDA", 1, BigDecimal.ZERO, false,
        List.of(share(Kind.INVENTOR, "40"), share(Kind.OFFICE, "60")));
    List<Line> lines = yeda.split(Money.of("1000.00", "ILS"), history("500.00", "0", "ILS", "1"), CHEN);
    assertThat(lines).extracting(l -> l.kind() + " " + l.amount().amount().toPlainString())
        .containsExactly("INVENTOR 400.00", "OFFICE 600.00");
  }

  @Test
  void chinasDefaultGivesHalfOfTheNetIncomeToTheInventors() {
    // 100,000.00 CNY less 20,000.00 patent costs = 80,000.00 net; 50% each.
    SplitRule china = SplitRule.flat("CN_DEFAULT", 1, BigDecimal.ZERO, true,
        List.of(share(Kind.INVENTOR, "50"), share(Kind.OFFICE, "50")));
    List<Line> lines = china.split(Money.of("100000.00", "CNY"), history("20000.00", "0", "CNY", "1"), CHEN);
    assertThat(lines).extracting(l -> l.kind() + " " + l.amount().amount().toPlainString())
        .containsExactly("PATENT_COSTS 20000.00", "INVENTOR 40000.00", "OFFICE 40000.00");
  }

  @Test
  void theFirstTierStartsAtZero() {
    assertThatThrownBy(() -> new SplitRule("X", 1, BigDecimal.ZERO, false,
        List.of(new Tier(BigDecimal.TEN, List.of(share(Kind.OFFICE, "1"))))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Share share(Kind kind, String weight) {
    return new Share(kind, kind.name(), new BigDecimal(weight));
  }

  private static SplitRule.History history(String patentCosts, String cumulative, String currency, String rate) {
    return new SplitRule.History(Money.of(patentCosts, currency), Money.of(cumulative, currency), new BigDecimal(rate));
  }

  private static BigDecimal total(List<Line> lines) {
    return lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
