package io.ttdesk.revenue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.ttdesk.common.Money;
import io.ttdesk.fx.ExchangeRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "payment")
public class Payment {

  @Id
  private String id;
  private String dealId;
  private String milestone;
  private BigDecimal amount;
  private String currency;
  private LocalDate receivedOn;
  private String recordedBy;
  private Instant recordedAt;
  /** The amount in the centre's currency, and the stored rate that converted it. */
  private String reportingCurrency;
  private BigDecimal reportingAmount;
  private BigDecimal rate;
  private LocalDate rateDate;
  private String rateSource;
  /** The centre's policy when the payment arrived; its version in force on the received date splits it. */
  private String policyCode;

  protected Payment() {}

  Payment(String dealId, String milestone, Money amount, LocalDate receivedOn, ExchangeRates.Applied reporting,
      String policyCode, String recordedBy, Instant recordedAt) {
    this.id = UUID.randomUUID().toString();
    this.dealId = dealId;
    this.milestone = milestone;
    this.amount = amount.amount();
    this.currency = amount.currency().getCurrencyCode();
    this.receivedOn = receivedOn;
    this.reportingCurrency = reporting.to();
    this.reportingAmount = reporting.convert(amount).amount();
    this.rate = reporting.rate();
    this.rateDate = reporting.date();
    this.rateSource = reporting.source();
    this.policyCode = policyCode;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public String getId() { return id; }
  public String getDealId() { return dealId; }
  public String getMilestone() { return milestone; }
  public BigDecimal getAmount() { return amount; }
  public String getCurrency() { return currency; }
  public LocalDate getReceivedOn() { return receivedOn; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
  public String getReportingCurrency() { return reportingCurrency; }
  public BigDecimal getReportingAmount() { return reportingAmount; }
  public BigDecimal getRate() { return rate; }
  public LocalDate getRateDate() { return rateDate; }
  public String getRateSource() { return rateSource; }
  public String getPolicyCode() { return policyCode; }
}
