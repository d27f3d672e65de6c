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
import java.util.List;
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
  private String createdBy;
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "term_sheet_milestone", joinColumns = @JoinColumn(name = "term_sheet_id"))
  @OrderColumn(name = "position")
  private List<Milestone> milestones = new ArrayList<>();

  protected TermSheet() {}

  TermSheet(String dealId, int version, DealForm dealForm, String currency, BigDecimal upfrontFee,
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
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
}
