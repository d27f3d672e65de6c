package io.ttdesk.pipeline;

import io.ttdesk.deal.Stage;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One stay of a deal in a stage, for cycle times. */
@Entity
@Table(name = "pipeline_stage_visit")
class StageVisit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private String centre;
  @Enumerated(EnumType.STRING)
  private Stage stage;
  private Instant enteredAt;
  private Instant leftAt;
  private Long seconds;

  protected StageVisit() {}

  StageVisit(String dealId, String centre, Stage stage, Instant enteredAt) {
    this.dealId = dealId;
    this.centre = centre;
    this.stage = stage;
    this.enteredAt = enteredAt;
  }

  void leave(Instant at) {
    leftAt = at;
    seconds = Math.max(0, Duration.between(enteredAt, at).toSeconds());
  }

  Stage getStage() {
    return stage;
  }

  String getDealId() {
    return dealId;
  }

  String getCentre() {
    return centre;
  }

  Long getSeconds() {
    return seconds;
  }

  /** How long the deal stayed, once it left. */
  Duration getDuration() {
    Duration stay = Duration.between(enteredAt, leftAt);
    return stay.isNegative() ? Duration.ZERO : stay;
  }
}
