package io.ttdesk.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends case-history events in the transaction of the change they describe. */
@Service
public class History {

  private final HistoryRepository events;
  private final ObjectMapper json;
  private final Clock clock;

  History(HistoryRepository events, ObjectMapper json, Clock clock) {
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(String dealId, Actor actor, String type, String summary, Map<String, ?> data) {
    try {
      events.save(new HistoryEvent(dealId, clock.instant(), actor, type, summary, json.writeValueAsString(data)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("history data is not serialisable", e);
    }
  }

  @Transactional(readOnly = true)
  public List<HistoryEvent> of(String dealId) {
    return events.findByDealIdOrderByIdAsc(dealId);
  }
}
