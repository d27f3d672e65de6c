package io.ttdesk.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A technology rating in the style of Korea's KTRS. Four areas are scored A (5) to E (1) and
 * weighted (management 20%, technology 30%, marketability 25%, business prospects 25%); the
 * weighted score becomes 0-100 points, which a risk factor and the technology's immaturity reduce:
 * points x (1 - risk - maturity discount), the discount being 10% at TRL 1-3, 5% at TRL 4-6 and 0
 * at TRL 7-9. Points map to grades in steps of ten, AAA (90 or more) down to D (under 10). IP-backed
 * financing needs B or better.
 */
public final class TechnologyRating {

  public enum Score { A, B, C, D, E }

  public enum Grade { D, C, CC, CCC, B, BB, BBB, A, AA, AAA }

  public static final Map<String, BigDecimal> WEIGHTS = Map.of("management", new BigDecimal("0.20"),
      "technology", new BigDecimal("0.30"), "marketability", new BigDecimal("0.25"),
      "businessProspects", new BigDecimal("0.25"));

  public record Inputs(Score management, Score technology, Score marketability, Score businessProspects,
      BigDecimal riskFactorPercent, int trl) {}

  public record Result(BigDecimal weightedScore, BigDecimal points, Grade grade, boolean financeable) {}

  private TechnologyRating() {}

  public static Result rate(Inputs in) {
    BigDecimal weighted = value(in.management()).multiply(WEIGHTS.get("management"))
        .add(value(in.technology()).multiply(WEIGHTS.get("technology")))
        .add(value(in.marketability()).multiply(WEIGHTS.get("marketability")))
        .add(value(in.businessProspects()).multiply(WEIGHTS.get("businessProspects")));
    BigDecimal raw = weighted.subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(25));
    BigDecimal maturity = in.trl() <= 3 ? new BigDecimal("10") : in.trl() <= 6 ? new BigDecimal("5") : BigDecimal.ZERO;
    BigDecimal keep = BigDecimal.valueOf(100).subtract(in.riskFactorPercent()).subtract(maturity).max(BigDecimal.ZERO);
    BigDecimal points = raw.multiply(keep).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    int step = Math.min(points.divide(BigDecimal.TEN, 0, RoundingMode.FLOOR).intValue(), 9);
    Grade grade = Grade.values()[step];
    return new Result(weighted.setScale(2, RoundingMode.HALF_EVEN), points, grade, grade.compareTo(Grade.B) >= 0);
  }

  private static BigDecimal value(Score s) {
    return BigDecimal.valueOf(5 - s.ordinal());
  }
}
