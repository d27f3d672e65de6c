package io.ttdesk.history;

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

  History(HistoryRepository events, TrailHeadRepository heads, ObjectMapper json, Clock clock,
      ApplicationEventPublisher publisher) {
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
    List<HistoryEvent> chain = events.findByDealIdOrderBySeqAsc(dealId);
    TrailHead head = heads.findById(dealId).orElse(null);
    String prev = Chain.GENESIS;
    int expected = 1;
    for (HistoryEvent e : chain) {
      String problem = e.getSeq() == null ? "has no place in the chain"
          : e.getSeq() != expected ? "follows place " + (expected - 1) + " but is at place " + e.getSeq()
              + ": events are missing before it"
          : !prev.equals(e.getPrevHash()) ? "does not follow the event before it: events were reordered or replaced"
          : !Chain.hash(e).equals(e.getHash()) ? "its content was changed after it was written"
          : null;
      if (problem != null) {
        return new Verification(dealId, false, chain.size(), head == null ? null : head.getHash(), e.getId(),
            e.getSeq(), problem);
      }
      prev = e.getHash();
      expected++;
    }
    if (head != null && (head.getSeq() != chain.size() || !head.getHash().equals(prev))) {
      return new Verification(dealId, false, chain.size(), head.getHash(), null, chain.size() + 1,
          "the chain ends at place " + chain.size() + " but its head is at place " + head.getSeq()
              + ": the newest events are missing");
    }
    return new Verification(dealId, true, chain.size(), prev, null, null, null);
  }

  @Transactional(readOnly = true)
  public List<HistoryEvent> of(String dealId) {
    return events.findByDealIdOrderByIdAsc(dealId);
  }
}
