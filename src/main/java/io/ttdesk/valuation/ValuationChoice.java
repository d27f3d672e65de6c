package io.ttdesk.valuation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** The broker picks the valuation that stands, with a reason; the latest choice counts. */
@Entity
@Immutable
@Table(name = "valuation_choice")
public class ValuationChoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private Long valuationId;
  private String reason;
  private String chosenBy;
  private Instant chosenAt;

  protected ValuationChoice() {}

  ValuationChoice(String dealId, long valuationId, String reason, String chosenBy, Instant chosenAt) {
    this.dealId = dealId;
    this.valuationId = valuationId;
    this.reason = reason;
    this.chosenBy = chosenBy;
    this.chosenAt = chosenAt;
  }

  public Long getValuationId() { return valuationId; }
  public String getReason() { return reason; }
  public String getChosenBy() { return chosenBy; }
  public Instant getChosenAt() { return chosenAt; }
}
