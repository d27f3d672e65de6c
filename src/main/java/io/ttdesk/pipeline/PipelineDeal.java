package io.ttdesk.pipeline;

import io.ttdesk.deal.Stage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Persistable;

/** A deal as the pipeline reads it: where it stands and when it first reached each funnel step. */
@Entity
@Table(name = "pipeline_deal")
class PipelineDeal implements Persistable<String> {

  @Id
  private String dealId;
  private String centre;
  private String targetCountry;
  private String technologyField;
  @Enumerated(EnumType.STRING)
  private Stage stage;
  private String status;
  private String outcome;
  private Instant disclosedAt;
  private Instant screenedAt;
  private Instant valuedAt;
  private Instant clearedAt;
  private Instant offeredAt;
  private Instant signedAt;
  private Instant paidAt;
  private Instant closedAt;
  @Column(name = "last_activity_at")
  private Instant lastActivityAt;

  // Saved with persist, not merge: a new row needs no select first.
  @Transient
  private boolean fresh;

  protected PipelineDeal() {}

  PipelineDeal(String dealId, String centre, String targetCountry, String technologyField, Instant disclosedAt) {
    this.dealId = dealId;
    this.centre = centre;
    this.targetCountry = targetCountry;
    this.technologyField = technologyField;
    this.stage = Stage.DISCLOSED;
    this.status = "OPEN";
    this.disclosedAt = disclosedAt;
    this.lastActivityAt = disclosedAt;
    this.fresh = true;
  }

  @PostLoad
  @PostPersist
  void stored() {
    fresh = false;
  }

  @Override
  public String getId() { return dealId; }

  @Override
  public boolean isNew() { return fresh; }

  /**
   * Marks the funnel steps a deal has reached by being in a stage, and any earlier step not yet
   * marked, so the funnel never narrows and widens again.
   */
  void reached(Funnel step, Instant at) {
    for (Funnel f : Funnel.values()) {
      if (f.ordinal() > step.ordinal()) {
        break;
      }
      switch (f) {
        case DISCLOSED -> { }
        case SCREENED -> screenedAt = first(screenedAt, at);
        case VALUED -> valuedAt = first(valuedAt, at);
        case CLEARED -> clearedAt = first(clearedAt, at);
        case OFFERED -> offeredAt = first(offeredAt, at);
        case SIGNED -> signedAt = first(signedAt, at);
        case PAID -> paidAt = first(paidAt, at);
      }
    }
  }

  private static Instant first(Instant current, Instant at) {
    return current == null ? at : current;
  }

  void enter(Stage next) {
    stage = next;
  }

  void close(String outcome, Instant at) {
    this.stage = Stage.CLOSED;
    this.status = "CLOSED";
    this.outcome = outcome;
    this.closedAt = at;
  }

  void active(Instant at) {
    if (at.isAfter(lastActivityAt)) {
      lastActivityAt = at;
    }
  }

  boolean isClosed() { return "CLOSED".equals(status); }

  String getCentre() { return centre; }

  /** What this deal adds to the counts of its day of disclosure (see pipeline_day_count). */
  List<DayCount> counts() {
    LocalDate day = LocalDate.ofInstant(disclosedAt, ZoneOffset.UTC);
    int open = isClosed() ? 0 : 1;
    int signed = signedAt == null ? 0 : 1;
    List<DayCount> counts = new ArrayList<>();
    counts.add(new DayCount(centre, day, "STAGE", stage.name(), 1, open, signed));
    counts.add(new DayCount(centre, day, "COUNTRY", targetCountry, 1, open, signed));
    counts.add(new DayCount(centre, day, "FIELD", technologyField == null ? "" : technologyField, 1, open, signed));
    Instant[] reached = {disclosedAt, screenedAt, valuedAt, clearedAt, offeredAt, signedAt, paidAt};
    for (Funnel step : Funnel.values()) {
      if (reached[step.ordinal()] != null) {
        counts.add(new DayCount(centre, day, "FUNNEL", step.name(), 1, 0, 0));
      }
    }
    return counts;
  }

  /** What this deal adds to the counts of the months it was signed and closed in (see pipeline_month_time). */
  List<MonthTime> times() {
    List<MonthTime> times = new ArrayList<>(3);
    if (signedAt != null) {
      long seconds = Duration.between(disclosedAt, signedAt).toSeconds();
      times.add(MonthTime.duration(centre, signedAt, MonthTime.TO_SIGNATURE, seconds));
      times.add(MonthTime.signatureDays(centre, signedAt, seconds));
    }
    if (closedAt != null) {
      times.add(MonthTime.duration(centre, closedAt, MonthTime.TO_CLOSE, Duration.between(disclosedAt, closedAt)
          .toSeconds()));
    }
    return times;
  }

  /** The day of the last activity this deal adds to the open deals' counts, or null once closed (see pipeline_activity_count). */
  ActiveDay activeDay() {
    return isClosed() ? null : new ActiveDay(centre, LocalDate.ofInstant(lastActivityAt, ZoneOffset.UTC));
  }

  /** A row of pipeline_activity_count. */
  record ActiveDay(String centre, LocalDate day) implements Comparable<ActiveDay> {

    /** The primary key's order, in which every transaction locks the rows it changes. */
    @Override
    public int compareTo(ActiveDay o) {
      int c = centre.compareTo(o.centre);
      return c != 0 ? c : day.compareTo(o.day);
    }
  }

  /** One row's worth of counts: deals, and of them open and signed. */
  record DayCount(String centre, LocalDate day, String dimension, String item, int deals, int open, int signed)
      implements Comparable<DayCount> {

    /** The primary key's order, in which every transaction locks the rows it changes. */
    @Override
    public int compareTo(DayCount o) {
      int c = centre.compareTo(o.centre);
      c = c != 0 ? c : day.compareTo(o.day);
      c = c != 0 ? c : dimension.compareTo(o.dimension);
      return c != 0 ? c : item.compareTo(o.item);
    }
  }
}
