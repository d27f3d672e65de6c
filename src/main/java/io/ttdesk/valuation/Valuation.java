package io.ttdesk.valuation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One value by one method, with the inputs it came from (so it can be recomputed) and its other results. */
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
  private BigDecimal valueAmount;
  /** The method's inputs and assumptions, and its results beyond the value, as JSON. */
  private String inputs;
  private String details;
  /** A person, or the valuation worker. */
  private String createdBy;
  private Instant computedAt;

  protected Valuation() {}

  Valuation(String dealId, String method, String currency, BigDecimal valueAmount, String inputs, String details,
      String createdBy, Instant computedAt) {
    this.dealId = dealId;
    this.method = method;
    this.currency = currency;
    this.valueAmount = valueAmount;
    this.inputs = inputs;
    this.details = details;
    this.createdBy = createdBy;
    this.computedAt = computedAt;
  }

  public Long getId() { return id; }
  public String getDealId() { return dealId; }
  public String getMethod() { return method; }
  public String getCurrency() { return currency; }
  public BigDecimal getValueAmount() { return valueAmount; }
  public String getInputs() { return inputs; }
  public String getDetails() { return details; }
  public String getCreatedBy() { return createdBy; }
  public Instant getComputedAt() { return computedAt; }
}
