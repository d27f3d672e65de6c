package io.ttdesk.revenue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.Immutable;

/** A version of a revenue distribution policy, as data. Versions are added, never edited. */
@Entity
@Immutable
@Table(name = "distribution_policy")
class DistributionPolicy {

  @Embeddable
  record Key(@Column(name = "code") String code, @Column(name = "version") int version) implements Serializable {}

  @Entity
  @Immutable
  @Table(name = "distribution_share")
  static class ShareRow {
    @jakarta.persistence.Id
    private Long id;
    private int position;
    @Enumerated(EnumType.STRING)
    private SplitRule.Kind kind;
    private String beneficiary;
    private BigDecimal weight;
    private BigDecimal tierFrom;

    protected ShareRow() {}
  }

  @EmbeddedId
  private Key key;
  private String name;
  private LocalDate effectiveFrom;
  private BigDecimal officeFeePercent;
  private boolean deductPatentCosts;
  /** The currency of the tier thresholds; null for a policy without tiers. */
  private String thresholdCurrency;

  @OneToMany(fetch = FetchType.EAGER)
  @JoinColumn(name = "policy_code", referencedColumnName = "code")
  @JoinColumn(name = "policy_version", referencedColumnName = "version")
  @OrderBy("position")
  private List<ShareRow> shares;

  protected DistributionPolicy() {}

  SplitRule rule() {
    Map<BigDecimal, List<SplitRule.Share>> byTier = new TreeMap<>();
    for (ShareRow s : shares) {
      byTier.computeIfAbsent(s.tierFrom.stripTrailingZeros(), k -> new ArrayList<>())
          .add(new SplitRule.Share(s.kind, s.beneficiary, s.weight));
    }
    return new SplitRule(key.code(), key.version(), officeFeePercent, deductPatentCosts,
        byTier.entrySet().stream().map(e -> new SplitRule.Tier(e.getKey(), List.copyOf(e.getValue()))).toList());
  }

  String getThresholdCurrency() { return thresholdCurrency; }
  boolean isDeductPatentCosts() { return deductPatentCosts; }
  BigDecimal getOfficeFeePercent() { return officeFeePercent; }

  Key getKey() { return key; }
  String getName() { return name; }
  LocalDate getEffectiveFrom() { return effectiveFrom; }
}
