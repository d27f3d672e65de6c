package io.ttdesk.deal;

import io.ttdesk.common.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A technology-transfer case, from disclosure to its outcome. */
@Entity
@Table(name = "deal")
public class Deal {

  @Id
  private String id;
  private String reference;
  private String title;
  @Column(name = "abstract_text")
  private String abstractText;
  private String centre;
  private String ownerInstitution;
  private String ownerCountry;
  private String targetCountry;
  private boolean crossBorder;
  private int trl;
  private String technologyField;
  private String licenseeName;
  private String licenseeCountry;
  private String currency;
  /** Revenue per year, comma-separated, in the deal currency. */
  private String projectedRevenue;
  private BigDecimal royaltyRate;
  private BigDecimal taxRate;
  private BigDecimal discountRate;
  private BigDecimal patentCosts;
  private LocalDate priorityDate;
  /** When the valuation inputs last changed; a valuation chosen before then no longer stands. */
  private Instant valuationRevisedAt;
  @Enumerated(EnumType.STRING)
  private Stage stage;
  @Enumerated(EnumType.STRING)
  private Status status;
  @Enumerated(EnumType.STRING)
  private Outcome outcome;
  private boolean withdrawalRequested;
  private Long processInstanceKey;
  private String createdBy;
  private Instant createdAt;
  private Instant updatedAt;
  private Instant closedAt;
  @Version
  private int version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "inventor", joinColumns = @JoinColumn(name = "deal_id"))
  @OrderColumn(name = "position")
  private List<Inventor> inventors = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "prior_disclosure", joinColumns = @JoinColumn(name = "deal_id"))
  private List<PriorDisclosure> priorDisclosures = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "co_owner", joinColumns = @JoinColumn(name = "deal_id"))
  @OrderColumn(name = "position")
  private List<CoOwner> coOwners = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "sponsor", joinColumns = @JoinColumn(name = "deal_id"))
  @OrderColumn(name = "position")
  private List<Sponsor> sponsors = new ArrayList<>();

  /** Where protection is sought; the target country when none was named. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "filing_country", joinColumns = @JoinColumn(name = "deal_id"))
  @OrderColumn(name = "position")
  @Column(name = "country")
  private List<String> filingCountries = new ArrayList<>();

  public enum Status { OPEN, CLOSED }

  protected Deal() {}

  public record Valuation(Currency currency, List<BigDecimal> projectedRevenue, BigDecimal royaltyRate,
      BigDecimal taxRate, BigDecimal discountRate) {}

  public record Parties(String ownerInstitution, String ownerCountry, String targetCountry,
      String licenseeName, String licenseeCountry) {}

  /** Who holds rights in the invention besides the owner, and where protection is sought. */
  public record Rights(List<CoOwner> coOwners, List<Sponsor> sponsors, List<String> filingCountries) {}

  public static Deal disclose(String reference, String title, String abstractText, String centre, Parties parties,
      int trl, String technologyField, Valuation valuation, BigDecimal patentCosts, LocalDate priorityDate,
      List<Inventor> inventors, List<PriorDisclosure> priorDisclosures, Rights rights, String createdBy, Instant now) {
    Deal d = new Deal();
    d.id = UUID.randomUUID().toString();
    d.reference = reference;
    d.title = title;
    d.abstractText = abstractText;
    d.centre = centre;
    d.ownerInstitution = parties.ownerInstitution();
    d.ownerCountry = parties.ownerCountry();
    d.targetCountry = parties.targetCountry();
    // A foreign licensee makes the deal cross-border even when the market is the owner's own.
    d.crossBorder = !parties.ownerCountry().equals(parties.targetCountry())
        || (parties.licenseeCountry() != null && !parties.ownerCountry().equals(parties.licenseeCountry()));
    d.licenseeName = parties.licenseeName();
    d.licenseeCountry = parties.licenseeCountry();
    d.trl = trl;
    d.technologyField = technologyField;
    d.patentCosts = patentCosts;
    d.priorityDate = priorityDate;
    d.reviseValuation(valuation, now);
    d.inventors.addAll(inventors);
    d.priorDisclosures.addAll(priorDisclosures);
    d.coOwners.addAll(rights.coOwners());
    d.sponsors.addAll(rights.sponsors());
    d.filingCountries.addAll(rights.filingCountries().isEmpty() ? List.of(parties.targetCountry()) : rights.filingCountries());
    d.stage = Stage.DISCLOSED;
    d.status = Status.OPEN;
    d.createdBy = createdBy;
    d.createdAt = now;
    d.updatedAt = now;
    return d;
  }

  public void reviseValuation(Valuation v, Instant now) {
    currency = v.currency().getCurrencyCode();
    projectedRevenue = v.projectedRevenue().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(","));
    royaltyRate = v.royaltyRate();
    taxRate = v.taxRate();
    discountRate = v.discountRate();
    valuationRevisedAt = now;
    updatedAt = now;
  }

  public Valuation valuationInputs() {
    List<BigDecimal> revenue = Arrays.stream(projectedRevenue.split(",")).map(BigDecimal::new).toList();
    return new Valuation(Currency.getInstance(currency), revenue, royaltyRate, taxRate, discountRate);
  }

  /** Moves an open deal to a stage; a closed deal stays closed. */
  public void enter(Stage next, Instant now) {
    if (status == Status.OPEN && stage != next) {
      stage = next;
      updatedAt = now;
    }
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  public void close(Outcome how, Instant now) {
    stage = Stage.CLOSED;
    status = Status.CLOSED;
    outcome = how;
    closedAt = now;
    updatedAt = now;
  }

  public void requestWithdrawal(Instant now) {
    withdrawalRequested = true;
    updatedAt = now;
  }

  public void started(long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
  }

  public Money patentCostsMoney() {
    return Money.of(patentCosts, currency);
  }

  public String getId() { return id; }
  public String getReference() { return reference; }
  public String getTitle() { return title; }
  public String getAbstractText() { return abstractText; }
  public String getCentre() { return centre; }
  public String getOwnerInstitution() { return ownerInstitution; }
  public String getOwnerCountry() { return ownerCountry; }
  public String getTargetCountry() { return targetCountry; }
  public boolean isCrossBorder() { return crossBorder; }
  public int getTrl() { return trl; }
  public String getTechnologyField() { return technologyField; }
  public String getLicenseeName() { return licenseeName; }
  public String getLicenseeCountry() { return licenseeCountry; }
  public String getCurrency() { return currency; }
  public BigDecimal getPatentCosts() { return patentCosts; }
  public LocalDate getPriorityDate() { return priorityDate; }
  public Instant getValuationRevisedAt() { return valuationRevisedAt; }
  public Stage getStage() { return stage; }
  public Status getStatus() { return status; }
  public Outcome getOutcome() { return outcome; }
  public boolean isWithdrawalRequested() { return withdrawalRequested; }
  public Long getProcessInstanceKey() { return processInstanceKey; }
  public String getCreatedBy() { return createdBy; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public Instant getClosedAt() { return closedAt; }
  public List<Inventor> getInventors() { return List.copyOf(inventors); }
  public List<PriorDisclosure> getPriorDisclosures() { return List.copyOf(priorDisclosures); }
  public List<CoOwner> getCoOwners() { return List.copyOf(coOwners); }
  public List<Sponsor> getSponsors() { return List.copyOf(sponsors); }
  public List<String> getFilingCountries() { return List.copyOf(filingCountries); }
}
