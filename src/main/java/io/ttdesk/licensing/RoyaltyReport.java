package io.ttdesk.licensing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * A licensee's report for one period, with every input and result of the royalty computed from
 * it, so the amount due can be recomputed from this row and the term sheet version alone.
 */
@Entity
@Immutable
@Table(name = "royalty_report")
public class RoyaltyReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private String periodCode;
  private int termSheetVersion;
  private String currency;
  private BigDecimal netSales;
  private BigDecimal royaltyRate;
  private BigDecimal royalty;
  private BigDecimal sublicenceIncome;
  private BigDecimal sublicenceShare;
  private BigDecimal sublicenceRoyalty;
  private BigDecimal minimumForYear;
  private BigDecimal earnedInYear;
  private BigDecimal topUp;
  private BigDecimal due;
  private LocalDate reportedOn;
  private String reference;
  private String recordedBy;
  private Instant recordedAt;

  protected RoyaltyReport() {}

  RoyaltyReport(String dealId, String periodCode, TermSheet sheet, RoyaltyService.Report in, Royalties.Assessment a,
      String recordedBy, Instant recordedAt) {
    this.dealId = dealId;
    this.periodCode = periodCode;
    this.termSheetVersion = sheet.getVersion();
    this.currency = in.netSales().currency().getCurrencyCode();
    this.netSales = in.netSales().amount();
    this.royaltyRate = sheet.getRoyaltyRate();
    this.royalty = a.royalty().amount();
    this.sublicenceIncome = in.sublicenceIncome().amount();
    this.sublicenceShare = RoyaltyService.sublicenceShare(sheet);
    this.sublicenceRoyalty = a.sublicenceRoyalty().amount();
    this.minimumForYear = a.minimumForYear() == null ? null : a.minimumForYear().amount();
    this.earnedInYear = a.earnedInYear() == null ? null : a.earnedInYear().amount();
    this.topUp = a.topUp().amount();
    this.due = a.due().amount();
    this.reportedOn = in.reportedOn();
    this.reference = in.reference();
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public String getDealId() { return dealId; }
  public String getPeriodCode() { return periodCode; }
  public int getTermSheetVersion() { return termSheetVersion; }
  public String getCurrency() { return currency; }
  public BigDecimal getNetSales() { return netSales; }
  public BigDecimal getRoyaltyRate() { return royaltyRate; }
  public BigDecimal getRoyalty() { return royalty; }
  public BigDecimal getSublicenceIncome() { return sublicenceIncome; }
  public BigDecimal getSublicenceShare() { return sublicenceShare; }
  public BigDecimal getSublicenceRoyalty() { return sublicenceRoyalty; }
  public BigDecimal getMinimumForYear() { return minimumForYear; }
  public BigDecimal getEarnedInYear() { return earnedInYear; }
  public BigDecimal getTopUp() { return topUp; }
  public BigDecimal getDue() { return due; }
  public LocalDate getReportedOn() { return reportedOn; }
  public String getReference() { return reference; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
