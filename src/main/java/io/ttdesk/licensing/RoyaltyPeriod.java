package io.ttdesk.licensing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** A reporting period of a signed licence, fixed when the contract is activated. */
@Entity
@Immutable
@Table(name = "royalty_period")
public class RoyaltyPeriod {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private String code;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private LocalDate reportDueOn;
  private int contractYear;
  private boolean lastOfYear;

  protected RoyaltyPeriod() {}

  RoyaltyPeriod(String dealId, Royalties.Period p) {
    this.dealId = dealId;
    this.code = p.code();
    this.startsOn = p.startsOn();
    this.endsOn = p.endsOn();
    this.reportDueOn = p.reportDueOn();
    this.contractYear = p.contractYear();
    this.lastOfYear = p.lastOfYear();
  }

  public String getDealId() { return dealId; }
  public String getCode() { return code; }
  public LocalDate getStartsOn() { return startsOn; }
  public LocalDate getEndsOn() { return endsOn; }
  public LocalDate getReportDueOn() { return reportDueOn; }
  public int getContractYear() { return contractYear; }
  public boolean isLastOfYear() { return lastOfYear; }
}
