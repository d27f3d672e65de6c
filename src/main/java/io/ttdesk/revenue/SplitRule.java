package io.ttdesk.revenue;

import io.ttdesk.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A distribution policy version as pure data and arithmetic: an office fee, optional
 * reimbursement of patent costs, then the net divided among beneficiaries by weight. The
 * inventors' part is divided again by their disclosure shares, the departments' part among the
 * inventors' departments by the same shares.
 */
public record SplitRule(String policyCode, int policyVersion, BigDecimal officeFeePercent,
    boolean deductPatentCosts, List<Share> shares) {

  public enum Kind { OFFICE_FEE, PATENT_COSTS, INVENTOR, DEPARTMENT, SCHOOL, OFFICE }

  /** One beneficiary of the net income; {@code INVENTOR} stands for all inventors together. */
  public record Share(Kind kind, String beneficiary, BigDecimal weight) {}

  /** An inventor's share of the disclosure, and the department that takes a department share for it. */
  public record InventorShare(String name, String department, BigDecimal percent) {}

  public record Line(Kind kind, String beneficiary, Money amount, String basis) {}

  public List<Line> split(Money payment, Money patentCostsOutstanding, List<InventorShare> inventors) {
    if (!payment.isPositive()) {
      throw new IllegalArgumentException("payment must be positive");
    }
    List<Line> lines = new ArrayList<>();
    Money office = payment.percent(officeFeePercent);
    lines.add(new Line(Kind.OFFICE_FEE, "Technology transfer office", office,
        officeFeePercent.stripTrailingZeros().toPlainString() + "% of " + payment));
    Money rest = payment.minus(office);
    if (deductPatentCosts && patentCostsOutstanding.isPositive()) {
      Money patent = rest.min(patentCostsOutstanding);
      lines.add(new Line(Kind.PATENT_COSTS, "Patent cost reimbursement", patent,
          "outstanding " + patentCostsOutstanding));
      rest = rest.minus(patent);
    }
    List<Money> parts = rest.allocate(shares.stream().map(Share::weight).toList());
    BigDecimal totalWeight = shares.stream().map(Share::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    for (int i = 0; i < shares.size(); i++) {
      Share share = shares.get(i);
      String basis = share.weight().stripTrailingZeros().toPlainString() + "/"
          + totalWeight.stripTrailingZeros().toPlainString() + " of net " + rest;
      if (share.kind() == Kind.INVENTOR) {
        List<Money> each = parts.get(i).allocate(inventors.stream().map(InventorShare::percent).toList());
        for (int j = 0; j < inventors.size(); j++) {
          InventorShare inventor = inventors.get(j);
          lines.add(new Line(Kind.INVENTOR, inventor.name(), each.get(j),
              inventor.percent().stripTrailingZeros().toPlainString() + "% of inventors' " + basis));
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
              department.getValue().stripTrailingZeros().toPlainString() + "% of departments' " + basis));
        }
      } else {
        lines.add(new Line(share.kind(), share.beneficiary(), parts.get(i), basis));
      }
    }
    return lines;
  }
}
