package io.ttdesk.revenue;

import io.ttdesk.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A distribution policy version as pure data and arithmetic: an office fee, optional
 * reimbursement of patent costs, then the net divided among beneficiaries by weight. Tiers give
 * other weights above a threshold of the licence's cumulative net income; a payment that crosses a
 * threshold is divided in two parts. The inventors' part is divided again by their disclosure
 * shares, the departments' part among the inventors' departments by the same shares.
 */
public record SplitRule(String policyCode, int policyVersion, BigDecimal officeFeePercent,
    boolean deductPatentCosts, List<Tier> tiers) {

  public enum Kind { OFFICE_FEE, PATENT_COSTS, INVENTOR, DEPARTMENT, SCHOOL, OFFICE }

  /** One beneficiary of the net income; {@code INVENTOR} stands for all inventors together. */
  public record Share(Kind kind, String beneficiary, BigDecimal weight) {}

  /**
   * The shares for the part of a licence's cumulative net income from {@code from} upwards;
   * {@code from} is in the policy's threshold currency, and the first tier starts at zero.
   */
  public record Tier(BigDecimal from, List<Share> shares) {}

  /** An inventor's share of the disclosure, and the department that takes a department share for it. */
  public record InventorShare(String name, String department, BigDecimal percent) {}

  /**
   * What the licence brought before this payment, in the payment's currency, and the rate that
   * turns the policy's thresholds into that currency (1 when they are the same).
   */
  public record History(Money patentCostsOutstanding, Money cumulativeNetBefore, BigDecimal thresholdRate) {}

  public record Line(Kind kind, String beneficiary, Money amount, String basis) {}

  public SplitRule {
    if (tiers.isEmpty() || tiers.getFirst().from().signum() != 0) {
      throw new IllegalArgumentException("the first tier must start at zero");
    }
  }

  /** A policy without tiers. */
  public static SplitRule flat(String code, int version, BigDecimal officeFeePercent, boolean deductPatentCosts,
      List<Share> shares) {
    return new SplitRule(code, version, officeFeePercent, deductPatentCosts, List.of(new Tier(BigDecimal.ZERO, shares)));
  }

  public List<Line> split(Money payment, History before, List<InventorShare> inventors) {
    if (!payment.isPositive()) {
      throw new IllegalArgumentException("payment must be positive");
    }
    List<Line> lines = new ArrayList<>();
    Money office = payment.percent(officeFeePercent);
    if (officeFeePercent.signum() > 0) {
      lines.add(new Line(Kind.OFFICE_FEE, "Technology transfer office", office,
          officeFeePercent.stripTrailingZeros().toPlainString() + "% of " + payment));
    }
    Money net = payment.minus(office);
    if (deductPatentCosts && before.patentCostsOutstanding().isPositive()) {
      Money patent = net.min(before.patentCostsOutstanding());
      lines.add(new Line(Kind.PATENT_COSTS, "Patent cost reimbursement", patent,
          "outstanding " + before.patentCostsOutstanding()));
      net = net.minus(patent);
    }
    BigDecimal start = before.cumulativeNetBefore().amount();
    BigDecimal end = start.add(net.amount());
    for (int t = 0; t < tiers.size(); t++) {
      BigDecimal lo = threshold(t, before, net);
      BigDecimal hi = t + 1 < tiers.size() ? threshold(t + 1, before, net) : null;
      BigDecimal from = start.max(lo);
      BigDecimal to = hi == null ? end : end.min(hi);
      if (to.compareTo(from) > 0 || (tiers.size() == 1 && net.amount().signum() == 0)) {
        Money portion = new Money(to.max(from).subtract(from), net.currency());
        String tier = tiers.size() == 1 ? "" : " in the tier from " + new Money(lo, net.currency());
        distribute(portion, tiers.get(t).shares(), inventors, "of net " + portion + tier, lines);
      }
    }
    return lines;
  }

  private BigDecimal threshold(int tier, History before, Money net) {
    return new Money(tiers.get(tier).from().multiply(before.thresholdRate()), net.currency()).amount();
  }

  private static void distribute(Money portion, List<Share> shares, List<InventorShare> inventors, String of,
      List<Line> lines) {
    List<Money> parts = portion.allocate(shares.stream().map(Share::weight).toList());
    BigDecimal totalWeight = shares.stream().map(Share::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    for (int i = 0; i < shares.size(); i++) {
      Share share = shares.get(i);
      String basis = plain(share.weight()) + "/" + plain(totalWeight) + " " + of;
      if (share.kind() == Kind.INVENTOR) {
        List<Money> each = parts.get(i).allocate(inventors.stream().map(InventorShare::percent).toList());
        for (int j = 0; j < inventors.size(); j++) {
          InventorShare inventor = inventors.get(j);
          lines.add(new Line(Kind.INVENTOR, inventor.name(), each.get(j),
              plain(inventor.percent()) + "% of inventors' " + basis));
        }
      } else if (share.kind() == Kind.DEPARTMENT) {
        // Each inventor's department takes the department share in proportion to that inventor's share.
        Map<String, BigDecimal> byDepartment = new LinkedHashMap<>();
        for (InventorShare inventor : inventors) {
          String department = inventor.department() == null || inventor.department().isBlank()
              ? share.beneficiary() : inventor.department();
          byDepartment.merge(department, inventor.percent(), BigDecimal::add);
        }
        List<Money> each = parts.get(i).allocate(List.copyOf(byDepartment.values()));
        int j = 0;
        for (Map.Entry<String, BigDecimal> department : byDepartment.entrySet()) {
          lines.add(new Line(Kind.DEPARTMENT, department.getKey(), each.get(j++),
              plain(department.getValue()) + "% of departments' " + basis));
        }
      } else {
        lines.add(new Line(share.kind(), share.beneficiary(), parts.get(i), basis));
      }
    }
  }

  private static String plain(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }
}
