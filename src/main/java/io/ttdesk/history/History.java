package io.ttdesk.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
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
  // One snapshot for the head and the events: an event committed in between is not a missing one.
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Verification verify(String dealId) {
    Head head = heads.findById(dealId).map(h -> new Head(h.getSeq(), h.getHash())).orElse(null);
    // Rows are read as they come, not as entities: a trail of 100,000 events needs no 100,000 objects.
    Walk walk = new Walk(dealId);
    jdbc.query("SELECT " + WALKED + " FROM history_event WHERE deal_id = ? ORDER BY seq", walk, dealId);
    return walk.verification(head);
  }

  /** Every trail of a centre checked: how many deals and events, and each deal whose chain does not hold. */
  public record CentreVerification(String centre, int deals, long events, int intact, List<Verification> broken) {}

  private static final String WALKED =
      "id, seq, occurred_at, actor, actor_kind, actor_role, type, summary, data, prev_hash, hash, deal_id";
  private static final int DEALS_PER_QUERY = 200;
  /** The driver holds a query's rows in memory: a group of deals stops at about this many events. */
  private static final int EVENTS_PER_QUERY = 50_000;

  /**
   * Verifies the trails of every deal of the centre as {@link #verify} does, reading the events of
   * many deals per query in the order of the chains' index, so that a centre of many short trails
   * costs about what one long trail does. All in one snapshot, as of the first read.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public CentreVerification verifyCentre(String centre) {
    List<String> ids = jdbc.queryForList("SELECT id FROM deal WHERE centre = ? ORDER BY id", String.class, centre);
    Map<String, Head> headOf = new HashMap<>();
    jdbc.query("SELECT h.deal_id, h.seq, h.hash FROM trail_head h JOIN deal d ON d.id = h.deal_id WHERE d.centre = ?",
        (RowCallbackHandler) rs -> headOf.put(rs.getString(1), new Head(rs.getInt(2), rs.getString(3))), centre);
    List<Verification> broken = new ArrayList<>();
    long events = 0;
    for (int from = 0, to; from < ids.size(); from = to) {
      long grouped = 0;
      for (to = from; to < ids.size() && to - from < DEALS_PER_QUERY && (to == from || grouped < EVENTS_PER_QUERY); to++) {
        Head head = headOf.get(ids.get(to));
        grouped += head == null ? 0 : head.seq();
      }
      List<String> chunk = ids.subList(from, to);
      Map<String, Walk> walks = new HashMap<>();
      chunk.forEach(id -> walks.put(id, new Walk(id)));
      jdbc.query("SELECT " + WALKED + " FROM history_event WHERE deal_id IN ("
          + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ") ORDER BY deal_id, seq",
          (RowCallbackHandler) rs -> walks.get(rs.getString(12)).processRow(rs), chunk.toArray());
      for (String id : chunk) {
        Verification v = walks.get(id).verification(headOf.get(id));
        events += v.events();
        if (!v.intact()) {
          broken.add(v);
        }
      }
    }
    return new CentreVerification(centre, ids.size(), events, ids.size() - broken.size(), broken);
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

    /** The result once every row is walked, held against the chain's head (null when it has none). */
    Verification verification(Head head) {
      if (problem != null) {
        return new Verification(dealId, false, events, head == null ? null : head.hash(), brokenId, brokenSeq, problem);
      }
      if (head != null && (head.seq() != events || !head.hash().equals(prev))) {
        return new Verification(dealId, false, events, head.hash(), null, events + 1,
            "the chain ends at place " + events + " but its head is at place " + head.seq()
                + ": the newest events are missing");
      }
      return new Verification(dealId, true, events, prev, null, null, null);
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
