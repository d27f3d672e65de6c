package io.ttdesk.valuation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One computed value with the inputs it came from, so it can be recomputed. */
@Entity
@Immutable
@Table(name = "valuation")
public class Valuation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private String method;
  private String currency;
  private String projectedRevenue;
  private BigDecimal royaltyRate;
  private BigDecimal taxRate;
  private BigDecimal discountRate;
  private BigDecimal valueAmount;
  private Instant computedAt;

  protected Valuation() {}

  Valuation(String dealId, String method, String currency, String projectedRevenue, BigDecimal royaltyRate,
      BigDecimal taxRate, BigDecimal discountRate, BigDecimal valueAmount, Instant computedAt) {
    this.dealId = dealId;
    this.method = method;
    this.currency = currency;
    this.projectedRevenue = projectedRevenue;
    this.royaltyRate = royaltyRate;
    this.taxRate = taxRate;
    this.discountRate = discountRate;
    this.valueAmount = valueAmount;
    this.computedAt = computedAt;
  }

  public Long getId() { return id; }
  public String getDealId() { return dealId; }
  public String getMethod() { return method; }
  public String getCurrency() { return currency; }
  public String getProjectedRevenue() { return projectedRevenue; }
  public BigDecimal getRoyaltyRate() { return royaltyRate; }
  public BigDecimal getTaxRate() { return taxRate; }
  public BigDecimal getDiscountRate() { return discountRate; }
  public BigDecimal getValueAmount() { return valueAmount; }
  public Instant getComputedAt() { return computedAt; }
}
