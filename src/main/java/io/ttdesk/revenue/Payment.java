package io.ttdesk.revenue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

  protected Payment() {}

  Payment(String dealId, String milestone, BigDecimal amount, String currency, LocalDate receivedOn, String recordedBy,
      Instant recordedAt) {
    this.id = UUID.randomUUID().toString();
    this.dealId = dealId;
    this.milestone = milestone;
    this.amount = amount;
    this.currency = currency;
    this.receivedOn = receivedOn;
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
}
