package io.ttdesk.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.ttdesk.common.ConflictException;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.ForbiddenException;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.NotFoundException;
import io.ttdesk.deal.DealClosed;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.Actor;
import io.ttdesk.history.History;
import io.ttdesk.process.Engine;
import io.ttdesk.common.Dates;
import io.ttdesk.security.DeskDirectory;
import io.ttdesk.security.DeskUser;
import io.ttdesk.security.Role;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class TaskService {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskService.class);

  /** The task list's views, each with its count. */
  public enum View { ALL, MINE, GROUPS, UNASSIGNED, OVERDUE, WEEK }

  public enum Sort { DUE, PRIORITY, CREATED }

  /** One page of a view of the open tasks; stage, centre and deal narrow it when given. */
  public record Query(View view, Stage stage, String centre, String dealId, Sort sort, int page, int size) {}

  /** The page's tasks, how many the view holds, and the count of every view. */
  public record Page(List<TaskView> tasks, long total, Map<View, Long> counts) {}

  /** The actor of changes the task list makes on its own. */
  static final Actor TASK_LIST = Actor.worker("task-list");

  private final TaskRepository tasks;
  private final Map<String, TaskHandler<?>> handlers;
  /** Each kind of task's priority, for the list's priority order. */
  private final Map<String, Integer> priorities;
  private final Engine engine;
  private final History history;
  private final ObjectMapper json;
  private final Validator validator;
  private final TransactionTemplate tx;
  private final TransactionTemplate newTx;
  private final DealService deals;
  private final DeskDirectory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TaskSearch search;

  TaskService(TaskRepository tasks, List<TaskHandler<?>> handlers, Engine engine, History history, ObjectMapper json,
      Validator validator, TransactionTemplate tx, DealService deals, DeskDirectory directory,
      ApplicationEventPublisher events, Clock clock, TaskSearch search) {
    this.tasks = tasks;
    this.search = search;
    this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::elementId, Function.identity()));
    this.priorities = new java.util.TreeMap<>(handlers.stream()
        .collect(Collectors.toMap(TaskHandler::elementId, TaskHandler::priority)));
    this.engine = engine;
    this.history = history;
    this.json = json;
    this.validator = validator;
    this.tx = tx;
    this.deals = deals;
    this.directory = directory;
    this.events = events;
    this.newTx = new TransactionTemplate(tx.getTransactionManager());
    this.newTx.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
    this.clock = clock;
  }

  /** The form a task of this kind is completed with. */
  public Class<?> formOf(String elementId) {
    TaskHandler<?> handler = handlers.get(elementId);
    if (handler == null) {
      throw new IllegalStateException("no handler for task type " + elementId);
    }
    return handler.form();
  }

  /** Where a kind of task stands in the priority order (higher first). */
  public int priorityOf(String elementId) {
    return Optional.ofNullable(handlers.get(elementId)).map(TaskHandler::priority).orElse(50);
  }

  /** The stage a deal is in while a task of this kind is open, if the kind sets one. */
  public Optional<Stage> stageOf(String elementId) {
    return Optional.ofNullable(handlers.get(elementId)).map(TaskHandler::stage);
  }

  /**
   * Stores a newly activated user-task job, unless its subject is settled already (then empty); the
   * same job activated again stays one task. The deal
   * is locked first, in the same order as every other writer (deal, task, then the trail's head).
   */
  @Transactional
  public Optional<TaskView> open(NewTask n) {
    deals.lock(n.dealId());
    Task existing = tasks.findById(n.jobKey()).orElse(null);
    if (existing != null) {
      return Optional.of(TaskView.of(existing));
    }
    // The job was handed out before its subject was settled and waited for the deal's lock meanwhile:
    // the engine ends the job with the settled item, so no one should see a task for it.
    TaskHandler<?> handler = handlers.get(n.elementId());
    if (n.subject() != null && handler != null && handler.settled(n.dealId(), n.subject())) {
      log.info("No {} task for {} of deal {}: already settled", n.elementId(), n.subject(), n.dealId());
      return Optional.empty();
    }
    // After the engine lost the deal's process instance and it was recreated, the same step's open
    // task of the earlier instance continues as this one: same person, due date and follow-up.
    // A plain read: the deal's lock already keeps its other writers out, and locking reads of task
    // rows would lock other deals' rows on the way.
    Task earlier = tasks.findByDealIdAndState(n.dealId(), Task.State.OPEN).stream()
        .filter(t -> t.getProcessInstanceKey() != n.processInstanceKey() && t.getElementId().equals(n.elementId())
            && Objects.equals(t.getSubject(), n.subject()))
        .findFirst().orElse(null);
    Instant now = clock.instant();
    Task task = earlier == null
        ? new Task(n.jobKey(), n.dealId(), n.centre(), n.elementId(), n.name(), n.candidateGroup(), n.assignee(),
            n.subject(), n.dueAt(), n.followUpAt(), n.processInstanceKey(), now)
        : new Task(n.jobKey(), n.dealId(), n.centre(), n.elementId(), n.name(), n.candidateGroup(),
            earlier.getAssignee(), n.subject(), earlier.getDueAt(), earlier.getFollowUpAt(), n.processInstanceKey(), now);
    if (earlier != null) {
      earlier.end(Task.State.WITHDRAWN, TASK_LIST.name(), "CONTINUED", now);
    }
    tasks.saveAndFlush(task);
    Map<String, Object> data = new HashMap<>();
    data.put("taskId", task.getId());
    data.put("type", task.getElementId());
    data.put("candidateGroup", task.getCandidateGroup());
    data.put("dueAt", task.getDueAt());
    if (earlier != null) {
      data.put("continues", earlier.getId());
      data.put("assignee", task.getAssignee());
    }
    history.record(n.dealId(), TASK_LIST, "TASK_CREATED", earlier == null ? "Task created: " + task.getName()
        : "Task continued in the recreated process: " + task.getName(), data);
    // The deal enters the task's stage in the same transaction: once the task can be seen and
    // completed, nothing of its opening is left to change the deal.
    stageOf(n.elementId()).ifPresent(stage -> deals.enter(n.dealId(), stage, TASK_LIST));
    events.publishEvent(new TaskOpened(task.getId(), task.getCentre(), task.getCandidateGroup(), task.getAssignee()));
    return Optional.of(TaskView.of(task));
  }

  /** What the engine says about a new user-task job. */
  public record NewTask(long jobKey, String dealId, String centre, String elementId, String name,
      String candidateGroup, String assignee, String subject, Instant dueAt, Instant followUpAt,
      long processInstanceKey) {}

  @Transactional(readOnly = true)
  public Page search(DeskUser user, Query q) {
    TaskSearch.Result found = search.search(user, q, priorities);
    Map<Long, Task> byId = tasks.findAllById(found.ids()).stream()
        .collect(Collectors.toMap(Task::getId, Function.identity()));
    return new Page(found.ids().stream().map(byId::get).filter(Objects::nonNull).map(TaskView::of).toList(),
        found.total(), found.counts());
  }

  /** Every task of a deal, open or ended, for the case file. */
  @Transactional(readOnly = true)
  public List<TaskView> ofDeal(String dealId) {
    return tasks.findByDealIdOrderByIdAsc(dealId).stream().map(TaskView::of).toList();
  }

  @Transactional(readOnly = true)
  public TaskView get(long id, DeskUser user) {
    return TaskView.of(visible(id, user));
  }

  @Transactional
  public TaskView claim(long id, DeskUser user) {
    Task task = actionable(id, user);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getUsername())) {
      throw new ConflictException("assignee", "the task is already claimed by " + task.getAssignee());
    }
    if (task.getAssignee() == null) {
      task.claim(user.getUsername());
      history.record(task.getDealId(), user.actor(), "TASK_CLAIMED", "Task claimed: " + task.getName(),
          Map.of("taskId", id));
    }
    return TaskView.of(task);
  }

  @Transactional
  public TaskView unclaim(long id, DeskUser user) {
    Task task = actionable(id, user);
    if (task.getAssignee() == null) {
      return TaskView.of(task);
    }
    if (!task.getAssignee().equals(user.getUsername())) {
      throw new ForbiddenException("Only the assignee may hand the task back.");
    }
    task.unclaim();
    history.record(task.getDealId(), user.actor(), "TASK_UNCLAIMED", "Task handed back: " + task.getName(),
        Map.of("taskId", id));
    return TaskView.of(task);
  }

  /** A manager of the task's centre gives the task to a member of its group. */
  @Transactional
  public TaskView assign(long id, String assignee, DeskUser manager) {
    deals.lock(visible(id, manager).getDealId());
    Task task = tasks.lock(id).orElseThrow(() -> new NotFoundException("task", id));
    if (!manager.has(Role.MANAGER) || !manager.centres().contains(task.getCentre())) {
      throw new ForbiddenException("Only a manager of the task's centre may assign it.");
    }
    if (!task.isOpen()) {
      throw new ConflictException("state", "the task is " + task.getState());
    }
    if (directory.find(assignee).filter(u -> u.groups().contains(task.getCandidateGroup())).isEmpty()) {
      throw new InvalidInputException("assignee", "is not a member of " + task.getCandidateGroup());
    }
    String before = task.getAssignee();
    task.claim(assignee);
    history.record(task.getDealId(), manager.actor(), "TASK_ASSIGNED", "Task assigned to " + assignee + ": "
        + task.getName(), Map.of("taskId", id, "assignee", assignee, "before", before == null ? "" : before));
    return TaskView.of(task);
  }

  /** When to look at the task again; set by a member of its group (its assignee, if claimed). */
  @Transactional
  public TaskView followUp(long id, LocalDate on, DeskUser user) {
    Task task = actionable(id, user);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getUsername())) {
      throw new ForbiddenException("The task is claimed by " + task.getAssignee() + ".");
    }
    if (on.isBefore(Dates.earliestToday(clock))) {
      throw new InvalidInputException("followUpOn", "must not be in the past");
    }
    if (on.isAfter(Dates.earliestToday(clock).plusYears(5))) {
      throw new InvalidInputException("followUpOn", "must be within five years");
    }
    task.followUp(on.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    history.record(task.getDealId(), user.actor(), "TASK_FOLLOW_UP_SET", "Follow up on " + on + ": " + task.getName(),
        Map.of("taskId", id, "followUpOn", on));
    return TaskView.of(task);
  }

  /**
   * Completes a task with its form. The case change, the task row and the history are written
   * first and the engine is told last, inside the same transaction: if the engine refuses, nothing
   * is stored; whatever the engine does next (close the deal, withdraw tasks) waits on these rows
   * until they commit. A task the engine no longer has is then marked withdrawn.
   */
  public TaskView complete(long id, JsonNode body, DeskUser user) {
    try {
      return tx.execute(status -> completeInTransaction(id, body, user));
    } catch (TaskGone gone) {
      withdrawInNewTransaction(id);
      throw new ConflictException("state", "the process no longer waits for this task; it was withdrawn");
    }
  }

  private TaskView completeInTransaction(long id, JsonNode body, DeskUser user) {
    Task task = actionable(id, user);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.getUsername())) {
      throw new ForbiddenException("The task is claimed by " + task.getAssignee() + ".");
    }
    TaskHandler<?> handler = handlers.get(task.getElementId());
    if (handler == null) {
      throw new IllegalStateException("no handler for task type " + task.getElementId());
    }
    Completion done = apply(handler, TaskView.of(task), body, user);
    task.claim(user.getUsername());
    task.end(Task.State.COMPLETED, user.getUsername(), done.result().outcome(), clock.instant());
    Map<String, Object> data = new HashMap<>(done.result().variables());
    data.put("taskId", id);
    data.put("form", json.valueToTree(done.form()));
    history.record(task.getDealId(), user.actor(), "TASK_COMPLETED",
        "Task completed: " + task.getName() + " (" + done.result().outcome() + ")", data);
    tasks.flush();
    if (!engine.completeTask(id, done.result().variables())) {
      throw new TaskGone();
    }
    return TaskView.of(task);
  }

  private record Completion(Object form, TaskHandler.Result result) {}

  /** The engine no longer has the task's job: roll the completion back. */
  private static final class TaskGone extends RuntimeException {
    TaskGone() {
      super(null, null, false, false);
    }
  }

  private <F> Completion apply(TaskHandler<F> handler, TaskView task, JsonNode body, DeskUser user) {
    F form = read(body, handler.form());
    List<FieldProblem> problems = validator.validate(form).stream()
        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Completion(form, handler.complete(task, form, user));
  }

  private <F> F read(JsonNode body, Class<F> type) {
    if (body != null && !body.isObject()) {
      throw new InvalidInputException("body", "must be a JSON object with the task's form");
    }
    try {
      return json.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .treeToValue(body == null ? json.createObjectNode() : body, type);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidInputException(e.getPropertyName(), "is not a field of this task's form");
    } catch (MismatchedInputException e) {
      String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
          .collect(Collectors.joining("."));
      throw new InvalidInputException(field.isEmpty() ? "body" : field,
          e.getTargetType() != null && e.getTargetType().isEnum()
              ? "must be one of " + java.util.Arrays.toString(e.getTargetType().getEnumConstants())
              : "has a malformed value");
    } catch (Exception e) {
      throw new InvalidInputException("body", "is not a valid form for this task");
    }
  }

  private void withdrawInNewTransaction(long id) {
    newTx.executeWithoutResult(s -> tasks.lock(id).filter(Task::isOpen).ifPresent(t -> withdraw(t, "engine")));
  }

  /** Open tasks of a closed deal are withdrawn with it. */
  @EventListener
  void onDealClosed(DealClosed closed) {
    tasks.lockOpenOfDeal(closed.dealId()).forEach(t -> withdraw(t, "deal " + closed.outcome()));
  }

  /**
   * Ends the open tasks about one subject once it is settled, e.g. a chase task when its payment
   * or report arrives (the diagram's terminate end event cancels the job).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void withdrawForSubject(String dealId, String subject, String reason) {
    tasks.lockOpenOfDeal(dealId).stream()
        .filter(t -> subject.equals(t.getSubject()))
        .forEach(t -> withdraw(t, reason));
  }

  /** Extends the engine's hold on every open task; tasks the engine has dropped are withdrawn. */
  public int keepOpenTasks() {
    int withdrawn = 0;
    for (Task t : tasks.findByState(Task.State.OPEN)) {
      if (!engine.keepTask(t.getId())) {
        withdrawInNewTransaction(t.getId());
        withdrawn++;
      }
    }
    return withdrawn;
  }

  private void withdraw(Task task, String why) {
    task.end(Task.State.WITHDRAWN, "system", "WITHDRAWN", clock.instant());
    history.record(task.getDealId(), TASK_LIST, "TASK_WITHDRAWN", "Task withdrawn: " + task.getName(),
        Map.of("taskId", task.getId(), "reason", why));
  }

  private Task visible(long id, DeskUser user) {
    return tasks.findById(id).filter(t -> user.sees(t.getCentre())).orElseThrow(() -> new NotFoundException("task", id));
  }

  /**
   * Locks the deal, then the task: two people acting on a task at once take turns and the second
   * sees the first's result, in the same lock order as the workers (deal, then its tasks).
   */
  private Task actionable(long id, DeskUser user) {
    deals.lock(visible(id, user).getDealId());
    Task task = tasks.lock(id).orElseThrow(() -> new NotFoundException("task", id));
    if (!user.groups().contains(task.getCandidateGroup())) {
      throw new ForbiddenException("This task is for " + task.getCandidateGroup() + ".");
    }
    if (!task.isOpen()) {
      throw new ConflictException("state", "the task is " + task.getState());
    }
    return task;
  }
}
