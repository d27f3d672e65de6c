package io.ttdesk.revenue;

import io.ttdesk.common.Dates;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.Money;
import io.ttdesk.common.NotFoundException;
import io.ttdesk.deal.Centre;
import io.ttdesk.deal.CentreRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Revenue distribution policies: versions are added, never changed, and each centre applies one. */
@Service
public class Policies {

  private static final Set<SplitRule.Kind> SHARE_KINDS = Set.of(SplitRule.Kind.INVENTOR, SplitRule.Kind.DEPARTMENT,
      SplitRule.Kind.SCHOOL, SplitRule.Kind.OFFICE);

  private final DistributionPolicyRepository policies;
  private final CentreRepository centres;
  private final JdbcClient jdbc;
  private final Clock clock;

  Policies(DistributionPolicyRepository policies, CentreRepository centres, JdbcClient jdbc, Clock clock) {
    this.policies = policies;
    this.centres = centres;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record ShareSpec(SplitRule.Kind kind, String beneficiary, BigDecimal weight, BigDecimal tierFrom) {}

  public record PolicySpec(String code, String name, LocalDate effectiveFrom, BigDecimal officeFeePercent,
      boolean deductPatentCosts, String thresholdCurrency, List<ShareSpec> shares) {}

  public record PolicyView(String code, int version, String name, LocalDate effectiveFrom, BigDecimal officeFeePercent,
      boolean deductPatentCosts, String thresholdCurrency, List<SplitRule.Tier> tiers) {}

  @Transactional(readOnly = true)
  public List<PolicyView> all() {
    return policies.findAll().stream()
        .sorted((a, b) -> a.getKey().code().equals(b.getKey().code())
            ? Integer.compare(a.getKey().version(), b.getKey().version()) : a.getKey().code().compareTo(b.getKey().code()))
        .map(Policies::view).toList();
  }

  /** Adds the next version of a policy (version 1 of a new code); it applies from its effective date. */
  @Transactional
  public PolicyView define(PolicySpec spec) {
    validate(spec);
    int version = policies.findAll().stream().filter(p -> p.getKey().code().equals(spec.code()))
        .mapToInt(p -> p.getKey().version()).max().orElse(0) + 1;
    jdbc.sql("""
        INSERT INTO distribution_policy (code, version, name, effective_from, office_fee_percent, deduct_patent_costs,
          threshold_currency) VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(spec.code(), version, spec.name(), spec.effectiveFrom(), spec.officeFeePercent(),
            spec.deductPatentCosts(), spec.thresholdCurrency())
        .update();
    int position = 1;
    for (ShareSpec s : spec.shares()) {
      jdbc.sql("""
          INSERT INTO distribution_share (policy_code, policy_version, position, kind, beneficiary, weight, tier_from)
          VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(spec.code(), version, position++, s.kind().name(), s.beneficiary(), s.weight(),
              s.tierFrom() == null ? BigDecimal.ZERO : s.tierFrom())
          .update();
    }
    return view(policies.findById(new DistributionPolicy.Key(spec.code(), version)).orElseThrow());
  }

  /** Sets the policy a centre applies to payments split from now on. */
  @Transactional
  public Centre apply(String centreCode, String policyCode) {
    Centre centre = centres.findById(centreCode).orElseThrow(() -> new NotFoundException("centre", centreCode));
    if (policies.findAll().stream().noneMatch(p -> p.getKey().code().equals(policyCode))) {
      throw new InvalidInputException("policy", "is not a defined policy");
    }
    centre.applyPolicy(policyCode);
    return centre;
  }

  private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(10000);
  private static final BigDecimal MAX_THRESHOLD = BigDecimal.TEN.pow(12);

  private void validate(PolicySpec spec) {
    LocalDate today = Dates.earliestToday(clock);
    List<FieldProblem> problems = new ArrayList<>();
    if (spec.code() == null || !spec.code().matches("[A-Z][A-Z0-9_]{1,31}")) {
      problems.add(new FieldProblem("code", "must be 2-32 capital letters, digits or underscores"));
    }
    if (spec.officeFeePercent() != null && spec.officeFeePercent().stripTrailingZeros().scale() > 4) {
      problems.add(new FieldProblem("officeFeePercent", "has more than 4 decimals"));
    }
    if (spec.name() == null || spec.name().isBlank() || spec.name().length() > 200) {
      problems.add(new FieldProblem("name", "is required (at most 200 characters)"));
    }
    if (spec.effectiveFrom() == null || spec.effectiveFrom().isBefore(today)) {
      // No backdating: a version must not change the rules for payments already received.
      problems.add(new FieldProblem("effectiveFrom", "is required and must not be in the past"));
    }
    if (spec.officeFeePercent() == null || spec.officeFeePercent().signum() < 0
        || spec.officeFeePercent().compareTo(BigDecimal.valueOf(100)) >= 0) {
      problems.add(new FieldProblem("officeFeePercent", "must be at least 0 and below 100"));
    }
    if (spec.thresholdCurrency() != null && !Money.isCurrency(spec.thresholdCurrency())) {
      problems.add(new FieldProblem("thresholdCurrency", "is not an ISO 4217 currency"));
    }
    if (spec.shares() == null || spec.shares().isEmpty()) {
      problems.add(new FieldProblem("shares", "needs at least one share"));
    } else {
      boolean tiered = false;
      boolean startsAtZero = false;
      for (int i = 0; i < spec.shares().size(); i++) {
        ShareSpec s = spec.shares().get(i);
        String at = "shares[" + i + "].";
        if (s == null) {
          problems.add(new FieldProblem("shares[" + i + "]", "is empty"));
          continue;
        }
        if (s.kind() == null || !SHARE_KINDS.contains(s.kind())) {
          problems.add(new FieldProblem(at + "kind", "must be one of " + SHARE_KINDS));
        }
        if (s.beneficiary() == null || s.beneficiary().isBlank() || s.beneficiary().length() > 200) {
          problems.add(new FieldProblem(at + "beneficiary", "is required (at most 200 characters)"));
        }
        if (s.weight() == null || s.weight().signum() <= 0 || s.weight().compareTo(MAX_WEIGHT) > 0
            || s.weight().stripTrailingZeros().scale() > 4) {
          problems.add(new FieldProblem(at + "weight", "must be positive, at most 10000, at most 4 decimals"));
        }
        BigDecimal from = s.tierFrom() == null ? BigDecimal.ZERO : s.tierFrom();
        if (from.signum() < 0 || from.compareTo(MAX_THRESHOLD) > 0) {
          problems.add(new FieldProblem(at + "tierFrom", "must be from 0 to 10^12"));
        }
        tiered |= from.signum() > 0;
        startsAtZero |= from.signum() == 0;
      }
      if (!startsAtZero) {
        problems.add(new FieldProblem("shares", "the first tier must start at 0"));
      }
      if (tiered && spec.thresholdCurrency() == null) {
        problems.add(new FieldProblem("thresholdCurrency", "is required when shares have tiers"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static PolicyView view(DistributionPolicy p) {
    SplitRule rule = p.rule();
    return new PolicyView(p.getKey().code(), p.getKey().version(), p.getName(), p.getEffectiveFrom(),
        p.getOfficeFeePercent(), p.isDeductPatentCosts(), p.getThresholdCurrency(), rule.tiers());
  }
}
