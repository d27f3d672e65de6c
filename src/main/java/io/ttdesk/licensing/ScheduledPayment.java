package io.ttdesk.licensing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A payment the signed contract makes due: the upfront fee or a milestone. */
@Entity
@Immutable
@Table(name = "scheduled_payment")
public class ScheduledPayment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private String code;
  private String name;
  private BigDecimal amount;
  private String currency;
  private LocalDate dueDate;

  protected ScheduledPayment() {}

  ScheduledPayment(String dealId, String code, String name, BigDecimal amount, String currency, LocalDate dueDate) {
    this.dealId = dealId;
    this.code = code;
    this.name = name;
    this.amount = amount;
    this.currency = currency;
    this.dueDate = dueDate;
  }

  public String getDealId() { return dealId; }
  public String getCode() { return code; }
  public String getName() { return name; }
  public BigDecimal getAmount() { return amount; }
  public String getCurrency() { return currency; }
  public LocalDate getDueDate() { return dueDate; }
}
