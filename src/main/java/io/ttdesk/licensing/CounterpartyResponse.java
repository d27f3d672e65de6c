package io.ttdesk.licensing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "counterparty_response")
public class CounterpartyResponse {

  public enum Answer { ACCEPT, COUNTER_OFFER, DECLINE }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  /** The offered term-sheet version this answers; one answer per version. */
  private int termSheetVersion;
  private int roundNo;
  @Enumerated(EnumType.STRING)
  private Answer response;
  @Column(name = "comment_text")
  private String comment;
  private String recordedBy;
  private Instant recordedAt;

  protected CounterpartyResponse() {}

  CounterpartyResponse(String dealId, int termSheetVersion, int roundNo, Answer response, String comment, String recordedBy,
      Instant recordedAt) {
    this.dealId = dealId;
    this.termSheetVersion = termSheetVersion;
    this.roundNo = roundNo;
    this.response = response;
    this.comment = comment;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public int getTermSheetVersion() { return termSheetVersion; }
  public int getRoundNo() { return roundNo; }
  public Answer getResponse() { return response; }
  public String getComment() { return comment; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
