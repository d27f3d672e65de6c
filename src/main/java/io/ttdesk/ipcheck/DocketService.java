package io.ttdesk.ipcheck;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ttdesk.common.ConflictException;
import io.ttdesk.common.Dates;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import io.ttdesk.process.DealProcess.Messages;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.Engine;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.Task;
import io.ttdesk.tasks.TaskHandler;
import io.ttdesk.tasks.TaskService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The filing docket of each deal and what was done about its dates. A date that passes with
 * nothing recorded raises a task for the deal's brokers, once.
 */
@Service
public class DocketService {

  private static final Logger log = LoggerFactory.getLogger(DocketService.class);
  static final Actor WATCH = Actor.worker("docket-watch");

  private final DocketItemRepository items;
  private final DealService deals;
  private final TaskService tasks;
  private final History history;
  private final Engine engine;
  private final TransactionTemplate tx;
  private final Clock clock;

  /** The task list is reached lazily: it holds this module's task handler, which uses this service. */
  DocketService(DocketItemRepository items, DealService deals, @Lazy TaskService tasks, History history, Engine engine, TransactionTemplate tx,
      Clock clock) {
    this.items = items;
    this.deals = deals;
    this.tasks = tasks;
    this.history = history;
    this.engine = engine;
    this.tx = tx;
    this.clock = clock;
  }

  /** A docket date with what was done about it; status OPEN until it is met or abandoned. */
  public record Line(@JsonUnwrapped FilingDocket.Entry entry, String status, boolean taskRaised, String reference, String note,
      String actedBy) {}

  /** The deal's docket as of today: a date is overdue once its day has ended everywhere. */
  @Transactional(readOnly = true)
  public List<Line> docket(Deal deal) {
    Map<String, DocketItem> done = byKey(deal.getId());
    return entries(deal).stream().map(e -> {
      DocketItem i = done.get(e.id());
      return i == null ? new Line(e, "OPEN", false, null, null, null)
          : new Line(e, i.getAction() == null ? "OPEN" : i.getAction().name(), i.getRaisedAt() != null,
              i.getReference(), i.getNote(), i.getActedBy());
    }).toList();
  }

  /** Records, ahead of any task, that a date was met or abandoned. */
  @Transactional
  public void record(String dealId, String key, DocketItem.Action action, String reference, String note,
      DeskUser user) {
    Deal deal = deals.lockForCommand(dealId, user, null, "a docket action");
    FilingDocket.Entry entry = entries(deal).stream().filter(e -> e.id().equals(key)).findFirst()
        .orElseThrow(() -> new InvalidInputException("item", "is not a date of this deal's docket"));
    DocketItem item = items.findByDealIdAndItemKey(dealId, key).orElseGet(() -> new DocketItem(dealId, entry));
    boolean taskOpen = tasks.ofDeal(dealId).stream().anyMatch(t -> t.state() == Task.State.OPEN
        && Tasks.ATTEND_DOCKET_DATE.equals(t.type()) && key.equals(t.subject()));
    if (taskOpen) {
      throw new ConflictException("item", "an overdue-date task is open for " + key + "; complete that task");
    }
    act(item, action, reference, note, user);
  }

  /**
   * The broker's answer to an overdue-date task. A date already recorded on the docket (while
   * the task was on its way) keeps that record, and the task simply closes.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void attend(String dealId, String key, DocketItem.Action action, String reference, String note,
      DeskUser user) {
    DocketItem item = items.findByDealIdAndItemKey(dealId, key).orElseThrow();
    if (item.getAction() == null) {
      act(item, action, reference, note, user);
    }
  }

  private void act(DocketItem item, DocketItem.Action action, String reference, String note, DeskUser user) {
    if (item.getAction() != null) {
      throw new ConflictException("item", item.getItemKey() + " is already recorded as " + item.getAction());
    }
    TaskHandler.requireText(action == DocketItem.Action.MET, reference, "reference",
        "is required when the date was met (the filing or payment reference)");
    TaskHandler.requireText(action == DocketItem.Action.ABANDONED, note, "note",
        "is required when the date is abandoned (why)");
    item.act(action, reference, note, user.getUsername(), clock.instant());
    items.save(item);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("item", item.getItemKey());
    data.put("dueOn", item.getDueOn());
    data.put("action", action);
    data.put("reference", reference);
    data.put("note", note);
    history.record(item.getDealId(), user.actor(), "DOCKET_DATE_" + action, item.getDescription() + ": " + action, data);
  }

  /** Raises a task for every docket date of an open deal that has passed with nothing recorded. */
  public int raiseOverdue() {
    int raised = 0;
    for (String dealId : deals.openDealIds()) {
      try {
        raised += raiseOverdue(dealId);
      } catch (RuntimeException e) {
        log.warn("Docket of deal {} not checked, next run retries: {}", dealId, e.toString());
      }
    }
    return raised;
  }

  /** Raises the tasks of one deal's passed dates, in one transaction; returns how many. */
  public int raiseOverdue(String dealId) {
    return tx.execute(status -> raiseOverdueLocked(dealId));
  }

  private int raiseOverdueLocked(String dealId) {
    Deal deal = deals.lock(dealId);
    if (!deal.isOpen() || deal.isWithdrawalRequested()) {
      return 0;
    }
    Map<String, DocketItem> known = byKey(dealId);
    int raised = 0;
    for (FilingDocket.Entry e : entries(deal)) {
      DocketItem item = Optional.ofNullable(known.get(e.id())).orElseGet(() -> new DocketItem(dealId, e));
      if (!e.overdue() || item.getRaisedAt() != null || item.getAction() != null) {
        continue;
      }
      item.raised(clock.instant());
      items.save(item);
      history.record(dealId, WATCH, "DOCKET_DATE_OVERDUE", item.getDescription() + " was due " + e.due(),
          Map.of("item", e.id(), "dueOn", e.due()));
      publish(dealId, e, item);
      raised++;
    }
    return raised;
  }

  /**
   * Raises again the tasks of passed dates that nobody has attended yet, for a process instance
   * recreated after the engine lost the earlier one; returns how many.
   */
  @Transactional(readOnly = true)
  public int raiseUnattendedAgain(String dealId) {
    Deal deal = deals.byIds(List.of(dealId)).get(dealId);
    Map<String, DocketItem> known = byKey(dealId);
    int raised = 0;
    for (FilingDocket.Entry e : entries(deal)) {
      DocketItem item = known.get(e.id());
      if (item != null && item.getRaisedAt() != null && item.getAction() == null) {
        publish(dealId, e, item);
        raised++;
      }
    }
    return raised;
  }

  private void publish(String dealId, FilingDocket.Entry e, DocketItem item) {
    engine.publish(Messages.DOCKET_DATE_OVERDUE, dealId, Messages.docketId(dealId, e.id()), Map.of(Vars.DOCKET_ITEM,
        Map.of("id", e.id(), "dueOn", e.due().toString(), "description", item.getDescription())));
  }

  private List<FilingDocket.Entry> entries(Deal deal) {
    return FilingDocket.of(deal.getPriorityDate(), deal.getFilingCountries(), deal.getPriorDisclosures(),
        Dates.earliestToday(clock));
  }

  private Map<String, DocketItem> byKey(String dealId) {
    return items.findByDealId(dealId).stream().collect(Collectors.toMap(DocketItem::getItemKey, Function.identity()));
  }
}
