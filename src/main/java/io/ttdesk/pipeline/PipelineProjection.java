package io.ttdesk.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealRepository;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import io.ttdesk.history.HistoryEvent;
import io.ttdesk.history.Recorded;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the pipeline rows of a deal in step with its trail: every event is applied in the
 * transaction that records it, so a dashboard query reads finished rows and replays nothing.
 */
@Component
public class PipelineProjection {

  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  private final PipelineDealRepository rows;
  private final StageVisitRepository visits;
  private final DealRepository deals;
  private final ObjectMapper json;
  private final History history;
  private final MeterRegistry meters;
  private final PipelineCounts counts;
  private final JdbcTemplate db;

  PipelineProjection(PipelineDealRepository rows, StageVisitRepository visits, DealRepository deals, ObjectMapper json,
      History history, MeterRegistry meters, PipelineCounts counts, JdbcTemplate db) {
    this.counts = counts;
    this.db = db;
    this.history = history;
    this.rows = rows;
    this.visits = visits;
    this.deals = deals;
    this.json = json;
    this.meters = meters;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void on(Recorded e) {
    if (!"DEAL_DISCLOSED".equals(e.type()) && rows.findById(e.dealId()).isEmpty()) {
      // A deal whose trail began before the projection: its whole trail, this event included, builds its rows.
      clearStays(e.dealId());
      replay(e.dealId());
      return;
    }
    apply(e.dealId(), e.occurredAt(), e.actorKind(), e.type(), e.data(), true);
  }

  /**
   * Builds a deal's rows again from its stored trail, replacing any there are. The deal is locked
   * first, so an event being recorded for it meanwhile is either in the trail read here or applied
   * after.
   */
  @Transactional
  public void build(String dealId) {
    deals.lockById(dealId).orElseThrow(() -> new IllegalStateException("no deal " + dealId));
    clearStays(dealId);
    PipelineDeal old = rows.findById(dealId).orElse(null);
    counts.before(dealId, old);
    if (old != null) {
      rows.delete(old);
    }
    rows.flush();
    replay(dealId);
  }

  /** A replay adds every stay again; stays and times left from an earlier build would count twice. */
  private void clearStays(String dealId) {
    counts.beforeStageTimes(dealId);
    visits.deleteByDealId(dealId);
    db.update("DELETE FROM pipeline_stage_time WHERE deal_id = ?", dealId);
  }

  private void replay(String dealId) {
    for (HistoryEvent e : history.of(dealId)) {
      try {
        apply(dealId, e.getOccurredAt(), e.getActorKind(), e.getType(), json.readValue(e.getData(), DATA), false);
      } catch (JsonProcessingException ex) {
        throw new IllegalStateException("trail event " + e.getId() + " has unreadable data", ex);
      }
    }
  }

  /** Applies one trail event; a live one (not replayed) also times the stage the deal leaves. */
  void apply(String dealId, Instant at, Actor.Kind actorKind, String type, Map<String, ?> data, boolean live) {
    PipelineDeal row = rows.findById(dealId).orElse(null);
    counts.before(dealId, row);
    if (row == null) {
      row = start(dealId, at);
    }
    if (row.isClosed()) {
      return;
    }
    if (actorKind == Actor.Kind.USER) {
      row.active(at);
    }
    switch (type) {
      case "STAGE_ENTERED" -> {
        Stage to = Stage.valueOf(String.valueOf(data.get("to")));
        visits.findOpen(dealId).ifPresent(v -> leave(v, at, live));
        visits.save(new StageVisit(dealId, row.getCentre(), to, at));
        row.enter(to);
        row.active(at);
        Funnel step = Funnel.reachedBy(to);
        if (step != null) {
          row.reached(step, at);
        }
      }
      case "PAYMENT_RECEIVED" -> row.reached(Funnel.PAID, at);
      case "DEAL_CLOSED" -> {
        visits.findOpen(dealId).ifPresent(v -> leave(v, at, live));
        row.close(String.valueOf(data.get("outcome")), at);
      }
      default -> { }
    }
  }

  private void leave(StageVisit visit, Instant at, boolean live) {
    visit.leave(at);
    // The deal's row alone: its lock is held already, so this waits for no other deal.
    LocalDateTime left = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    counts.beforeStageTimes(visit.getDealId());
    db.update("""
        INSERT INTO pipeline_stage_time (deal_id, stage, centre, left_at, seconds) VALUES (?, ?, ?, ?, ?)
        ON DUPLICATE KEY UPDATE seconds = seconds + ?, left_at = GREATEST(left_at, ?)""",
        visit.getDealId(), visit.getStage().name(), visit.getCentre(), left, visit.getSeconds(), visit.getSeconds(),
        left);
    if (live) {
      Timer timer = Timer.builder("ttdesk.stage.duration").description("Time deals spent in a stage they left")
          .tag("stage", visit.getStage().name())
          .serviceLevelObjectives(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30),
              Duration.ofDays(90), Duration.ofDays(365))
          .register(meters);
      Duration stay = visit.getDuration();
      // Counted once the event is stored: a rolled-back command left no stage.
      if (!TransactionSynchronizationManager.isSynchronizationActive()) {
        timer.record(stay);
        return;
      }
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          timer.record(stay);
        }
      });
    }
  }

  private PipelineDeal start(String dealId, Instant at) {
    Deal deal = deals.findById(dealId).orElseThrow(() -> new IllegalStateException("no deal " + dealId));
    visits.save(new StageVisit(dealId, deal.getCentre(), Stage.DISCLOSED, at));
    return rows.save(new PipelineDeal(dealId, deal.getCentre(), deal.getTargetCountry(), deal.getTechnologyField(), at));
  }
}
