package io.ttdesk.revenue;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One share of one payment; the lines of a payment add up exactly to it. */
@Entity
@Immutable
@Table(name = "ledger_line")
public class LedgerLine {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String paymentId;
  private String dealId;
  private int lineNo;
  @Enumerated(EnumType.STRING)
  private SplitRule.Kind kind;
  private String beneficiary;
  private BigDecimal amount;
  private String currency;
  private String basis;
  private String policyCode;
  private int policyVersion;
  private Instant createdAt;

  protected LedgerLine() {}

  LedgerLine(String paymentId, String dealId, int lineNo, SplitRule.Line line, String policyCode, int policyVersion,
      Instant createdAt) {
    this.paymentId = paymentId;
    this.dealId = dealId;
    this.lineNo = lineNo;
    this.kind = line.kind();
    this.beneficiary = line.beneficiary();
    this.amount = line.amount().amount();
    this.currency = line.amount().currency().getCurrencyCode();
    this.basis = line.basis();
    this.policyCode = policyCode;
    this.policyVersion = policyVersion;
    this.createdAt = createdAt;
  }

  public String getPaymentId() { return paymentId; }
  public int getLineNo() { return lineNo; }
  public SplitRule.Kind getKind() { return kind; }
  public String getBeneficiary() { return beneficiary; }
  public BigDecimal getAmount() { return amount; }
  public String getCurrency() { return currency; }
  public String getBasis() { return basis; }
  public String getPolicyCode() { return policyCode; }
  public int getPolicyVersion() { return policyVersion; }
}
