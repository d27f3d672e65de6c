package io.ttdesk.history;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One state change of a deal. Rows are only ever inserted. */
@Entity
@Immutable
@Table(name = "history_event")
public class HistoryEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private Instant occurredAt;
  private String actor;
  @Enumerated(EnumType.STRING)
  private Actor.Kind actorKind;
  private String actorRole;
  private String type;
  private String summary;
  /** The data that decided the change, as JSON. */
  private String data;
  /** Place in the deal's chain, from 1. */
  private Integer seq;
  private String prevHash;
  private String hash;

  protected HistoryEvent() {}

  HistoryEvent(String dealId, Instant occurredAt, Actor actor, String type, String summary, String data, int seq,
      String prevHash) {
    this.dealId = dealId;
    this.occurredAt = occurredAt;
    this.actor = actor.name();
    this.actorKind = actor.kind();
    this.actorRole = actor.role();
    this.type = type;
    this.summary = summary;
    this.data = data;
    this.seq = seq;
    this.prevHash = prevHash;
    this.hash = Chain.hash(this);
  }

  public Long getId() { return id; }
  public String getDealId() { return dealId; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public Actor.Kind getActorKind() { return actorKind; }
  public String getActorRole() { return actorRole; }
  public String getType() { return type; }
  public String getSummary() { return summary; }
  public String getData() { return data; }
  public Integer getSeq() { return seq; }
  public String getPrevHash() { return prevHash; }
  public String getHash() { return hash; }
}
