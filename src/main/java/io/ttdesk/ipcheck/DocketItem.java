package io.ttdesk.ipcheck;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the centre did about one date of a deal's filing docket: the date was met (filed, paid)
 * or abandoned, and whether it raised a task by passing unattended.
 */
@Entity
@Table(name = "docket_item")
public class DocketItem {

  public enum Action { MET, ABANDONED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private String itemKey;
  private LocalDate dueOn;
  private String description;
  private Instant raisedAt;
  @Enumerated(EnumType.STRING)
  private Action action;
  private String reference;
  private String note;
  private String actedBy;
  private Instant actedAt;
  @Version
  private Integer version;

  protected DocketItem() {}

  DocketItem(String dealId, FilingDocket.Entry entry) {
    this.dealId = dealId;
    this.itemKey = entry.id();
    this.dueOn = entry.due();
    this.description = entry.what() + (entry.country().isEmpty() ? "" : " (" + entry.country() + ")");
  }

  void raised(Instant at) {
    this.raisedAt = at;
  }

  void act(Action action, String reference, String note, String by, Instant at) {
    this.action = action;
    this.reference = reference;
    this.note = note;
    this.actedBy = by;
    this.actedAt = at;
  }

  public String getDealId() { return dealId; }
  public String getItemKey() { return itemKey; }
  public LocalDate getDueOn() { return dueOn; }
  public String getDescription() { return description; }
  public Instant getRaisedAt() { return raisedAt; }
  public Action getAction() { return action; }
  public String getReference() { return reference; }
  public String getNote() { return note; }
  public String getActedBy() { return actedBy; }
  public Instant getActedAt() { return actedAt; }
}
