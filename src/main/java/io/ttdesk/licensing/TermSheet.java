package io.ttdesk.licensing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/** One version of the offered terms; a counter-offer leads to a new version, never an edit. */
@Entity
@Immutable
@Table(name = "term_sheet")
public class TermSheet {

  @Embeddable
  public record Milestone(@Column(name = "name") String name, @Column(name = "amount") BigDecimal amount,
      @Column(name = "due_date") LocalDate dueDate) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private int version;
  @Enumerated(EnumType.STRING)
  private DealForm dealForm;
  private String currency;
  private BigDecimal upfrontFee;
  private BigDecimal royaltyRate;
  private BigDecimal minimumAnnualRoyalty;
  private String fieldOfUse;
  private String territory;
  /** Percent of sublicence income due to the licensor. */
  private BigDecimal sublicenceShare;
  private BigDecimal patentCostReimbursement;
  /** Percent of the licensee's equity taken for the technology. */
  private BigDecimal equityPercent;
  @Enumerated(EnumType.STRING)
  private ReportingPeriod reportingPeriod;
  /** Yearly rise of the minimum annual royalty, in percent. */
  private BigDecimal marEscalation;
  /** Length of the licence term in years, from signature; running royalties are reported over it. */
  private Integer termYears;
  private String createdBy;
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "term_sheet_milestone", joinColumns = @JoinColumn(name = "term_sheet_id"))
  @OrderColumn(name = "position")
  private List<Milestone> milestones = new ArrayList<>();

  protected TermSheet() {}

  public enum ReportingPeriod {
    QUARTERLY(3), SEMI_ANNUAL(6), ANNUAL(12);

    public final int months;

    ReportingPeriod(int months) {
      this.months = months;
    }
  }

  TermSheet(String dealId, int version, LicensingService.Terms t, String createdBy, Instant createdAt) {
    this(dealId, version, t.dealForm(), t.currency(), t.upfrontFee(), t.royaltyRate(), t.minimumAnnualRoyalty(),
        t.fieldOfUse(), t.territory(), t.milestones(), createdBy, createdAt);
    this.sublicenceShare = t.sublicenceShare();
    this.patentCostReimbursement = t.patentCostReimbursement();
    this.equityPercent = t.equityPercent();
    this.reportingPeriod = t.reportingPeriod();
    this.marEscalation = t.marEscalation();
    this.termYears = t.termYears();
  }

  private TermSheet(String dealId, int version, DealForm dealForm, String currency, BigDecimal upfrontFee,
      BigDecimal royaltyRate, BigDecimal minimumAnnualRoyalty, String fieldOfUse, String territory,
      List<Milestone> milestones, String createdBy, Instant createdAt) {
    this.dealId = dealId;
    this.version = version;
    this.dealForm = dealForm;
    this.currency = currency;
    this.upfrontFee = upfrontFee;
    this.royaltyRate = royaltyRate;
    this.minimumAnnualRoyalty = minimumAnnualRoyalty;
    this.fieldOfUse = fieldOfUse;
    this.territory = territory;
    this.milestones.addAll(milestones);
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long getId() { return id; }
  public String getDealId() { return dealId; }
  public int getVersion() { return version; }
  public DealForm getDealForm() { return dealForm; }
  public String getCurrency() { return currency; }
  public BigDecimal getUpfrontFee() { return upfrontFee; }
  public BigDecimal getRoyaltyRate() { return royaltyRate; }
  public BigDecimal getMinimumAnnualRoyalty() { return minimumAnnualRoyalty; }
  public String getFieldOfUse() { return fieldOfUse; }
  public String getTerritory() { return territory; }
  public List<Milestone> getMilestones() { return List.copyOf(milestones); }
  public BigDecimal getSublicenceShare() { return sublicenceShare; }
  public BigDecimal getPatentCostReimbursement() { return patentCostReimbursement; }
  public BigDecimal getEquityPercent() { return equityPercent; }
  public ReportingPeriod getReportingPeriod() { return reportingPeriod; }
  public BigDecimal getMarEscalation() { return marEscalation; }
  public Integer getTermYears() { return termYears; }

  /** A running royalty or a minimum annual royalty: the licensee reports every period of the term. */
  public boolean bearsRoyalty() {
    return royaltyRate.signum() > 0 || (minimumAnnualRoyalty != null && minimumAnnualRoyalty.signum() > 0);
  }

  /** The terms by name, for comparing versions; amounts compared by value, not scale. */
  public Map<String, Object> terms() {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("dealForm", dealForm);
    t.put("currency", currency);
    t.put("upfrontFee", plain(upfrontFee));
    t.put("royaltyRate", plain(royaltyRate));
    t.put("minimumAnnualRoyalty", plain(minimumAnnualRoyalty));
    t.put("marEscalation", plain(marEscalation));
    t.put("fieldOfUse", fieldOfUse);
    t.put("territory", territory);
    t.put("sublicenceShare", plain(sublicenceShare));
    t.put("patentCostReimbursement", plain(patentCostReimbursement));
    t.put("equityPercent", plain(equityPercent));
    t.put("reportingPeriod", reportingPeriod);
    t.put("termYears", termYears);
    t.put("milestones", milestones.stream().map(m -> m.name() + " " + plain(m.amount()) + " due " + m.dueDate()).toList());
    return t;
  }

  /** What changed from an earlier version: field, before, after. */
  public List<Change> changesFrom(TermSheet earlier) {
    Map<String, Object> before = earlier.terms();
    List<Change> changes = new ArrayList<>();
    terms().forEach((field, after) -> {
      if (!Objects.equals(before.get(field), after)) {
        changes.add(new Change(field, before.get(field), after));
      }
    });
    return changes;
  }

  public record Change(String field, Object before, Object after) {}

  private static String plain(BigDecimal n) {
    return n == null ? null : n.stripTrailingZeros().toPlainString();
  }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
}
