package io.ttdesk.history;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Calendar;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends case-history events in the transaction of the change they describe. */
@Service
public class History {

  private final HistoryRepository events;
  private final TrailHeadRepository heads;
  private final ObjectMapper json;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;
  private final JdbcTemplate jdbc;

  History(HistoryRepository events, TrailHeadRepository heads, ObjectMapper json, Clock clock,
      ApplicationEventPublisher publisher, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.events = events;
    this.heads = heads;
    this.json = json;
    this.clock = clock;
    this.publisher = publisher;
  }

  /**
   * Appends an event to the deal's chain. The chain's head row is locked for the rest of the
   * transaction, so two transactions of one deal append one after the other, never both after
   * the same event. The time is kept to the microsecond the database stores, so the hash can be
   * recomputed from the row.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String dealId, Actor actor, String type, String summary, Map<String, ?> data) {
    String text;
    try {
      text = json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("history data is not serialisable", e);
    }
    TrailHead head = heads.lockById(dealId).orElseGet(() -> heads.save(new TrailHead(dealId)));
    HistoryEvent event = events.save(new HistoryEvent(dealId, clock.instant().truncatedTo(ChronoUnit.MICROS), actor,
        type, summary, text, head.getSeq() + 1, head.getHash()));
    head.advance(event);
    publisher.publishEvent(new Recorded(dealId, event.getOccurredAt(), actor.kind(), type, data));
  }

  /** The chain's newest place and hash as the head row keeps them (place 0 and the genesis hash before any event). */
  @Transactional(readOnly = true)
  public Head head(String dealId) {
    return heads.findById(dealId).map(h -> new Head(h.getSeq(), h.getHash())).orElse(new Head(0, Chain.GENESIS));
  }

  public record Head(int seq, String hash) {}

  /** The result of recomputing a deal's chain: intact, or the first event where it breaks and how. */
  public record Verification(String dealId, boolean intact, int events, String head, Long brokenEventId,
      Integer brokenSeq, String problem) {}

  /**
   * Recomputes the deal's chain from its rows, in the order of their places, and names the first
   * event that does not hold: changed content, a place out of order or missing before it, or a
   * chain that ends before its head.
   */
  @Transactional(readOnly = true)
  public Verification verify(String dealId) {
    TrailHead head = heads.findById(dealId).orElse(null);
    // Rows are read as they come, not as entities: a trail of 100,000 events needs no 100,000 objects.
    Walk walk = new Walk(dealId);
    jdbc.query("SELECT id, seq, occurred_at, actor, actor_kind, actor_role, type, summary, data, prev_hash, hash"
        + " FROM history_event WHERE deal_id = ? ORDER BY seq", walk, dealId);
    if (walk.problem != null) {
      return new Verification(dealId, false, walk.events, head == null ? null : head.getHash(), walk.brokenId,
          walk.brokenSeq, walk.problem);
    }
    if (head != null && (head.getSeq() != walk.events || !head.getHash().equals(walk.prev))) {
      return new Verification(dealId, false, walk.events, head.getHash(), null, walk.events + 1,
          "the chain ends at place " + walk.events + " but its head is at place " + head.getSeq()
              + ": the newest events are missing");
    }
    return new Verification(dealId, true, walk.events, walk.prev, null, null, null);
  }

  /** Recomputes the chain row by row, and keeps the first event that does not hold. */
  private static final class Walk implements RowCallbackHandler {
    private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    private final String dealId;
    private final MessageDigest digest = Chain.digest();
    private String prev = Chain.GENESIS;
    private int events;
    private String problem;
    private Long brokenId;
    private Integer brokenSeq;

    Walk(String dealId) {
      this.dealId = dealId;
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      events++;
      if (problem != null) {
        return;
      }
      Integer seq = (Integer) rs.getObject(2);
      String prevHash = rs.getString(10);
      String hash = rs.getString(11);
      problem = seq == null ? "has no place in the chain"
          : seq != events ? "follows place " + (events - 1) + " but is at place " + seq
              + ": events are missing before it"
          : !prev.equals(prevHash) ? "does not follow the event before it: events were reordered or replaced"
          : !Chain.hash(digest, seq, dealId, rs.getTimestamp(3, utc).toInstant(), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), prevHash).equals(hash)
              ? "its content was changed after it was written"
          : null;
      if (problem != null) {
        brokenId = rs.getLong(1);
        brokenSeq = seq;
      } else {
        prev = hash;
      }
    }
  }

  @Transactional(readOnly = true)
  public List<HistoryEvent> of(String dealId) {
    return events.findByDealIdOrderByIdAsc(dealId);
  }
}
