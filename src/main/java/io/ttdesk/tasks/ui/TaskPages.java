package io.ttdesk.tasks.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.common.ConflictException;
import io.ttdesk.common.Dates;
import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.ForbiddenException;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.notes.NoteService;
import io.ttdesk.security.DeskDirectory;
import io.ttdesk.security.DeskUser;
import io.ttdesk.security.Role;
import io.ttdesk.tasks.TaskService;
import io.ttdesk.tasks.TaskView;
import io.ttdesk.tasks.TaskService.Sort;
import io.ttdesk.tasks.TaskService.View;
import io.ttdesk.web.ui.FormJson;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The broker's task list and task pages, on the same task service as the REST API. */
@Controller
@RequestMapping("/desk")
@PreAuthorize("hasAnyRole('BROKER','MANAGER')")
class TaskPages {

  static final int PAGE_SIZE = 20;

  /** The filters of the list; each shows how many tasks it holds. */


  /** A row of the list: the task and the deal it belongs to. */
  record Row(TaskView task, Deal deal, boolean overdue, int priority) {}

  private final TaskService tasks;
  private final DealService deals;
  private final DeskDirectory directory;
  private final NoteService notes;
  private final ObjectMapper json;
  private final Clock clock;

  TaskPages(TaskService tasks, DealService deals, DeskDirectory directory, NoteService notes, ObjectMapper json,
      Clock clock) {
    this.tasks = tasks;
    this.deals = deals;
    this.directory = directory;
    this.notes = notes;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/tasks")
  String list(@RequestParam(defaultValue = "ALL") View view, @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) String centre, @RequestParam(defaultValue = "DUE") Sort sort,
      @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal DeskUser user, Model model) {
    int current = Math.max(page, 0);
    TaskService.Page found = tasks.search(user, new TaskService.Query(view, stage, centre, null, sort, current, PAGE_SIZE));
    int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    if (current >= pages) {
      current = pages - 1;
      found = tasks.search(user, new TaskService.Query(view, stage, centre, null, sort, current, PAGE_SIZE));
    }
    Map<String, Deal> dealOf = deals.byIds(found.tasks().stream().map(TaskView::dealId).distinct().toList());
    Instant now = clock.instant();
    List<Row> rows = found.tasks().stream()
        .map(t -> new Row(t, dealOf.get(t.dealId()), t.dueAt() != null && t.dueAt().isBefore(now),
            tasks.priorityOf(t.type())))
        .toList();
    Map<String, Long> counts = new LinkedHashMap<>();
    found.counts().forEach((v, n) -> counts.put(v.name(), n));
    model.addAttribute("rows", rows);
    model.addAttribute("counts", counts);
    model.addAttribute("views", View.values());
    model.addAttribute("view", view);
    model.addAttribute("stages", Stage.values());
    model.addAttribute("stage", stage);
    model.addAttribute("centres", user.centres());
    model.addAttribute("centre", centre);
    model.addAttribute("sort", sort);
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    model.addAttribute("total", found.total());
    return "tasks/list";
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable long id, @AuthenticationPrincipal DeskUser user, Model model) {
    return form(tasks.get(id, user), Map.of(), Map.of(), null, user, model);
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(@PathVariable long id, @AuthenticationPrincipal DeskUser user, RedirectAttributes flash) {
    return refusable(() -> tasks.claim(id, user), id, flash);
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(@PathVariable long id, @AuthenticationPrincipal DeskUser user, RedirectAttributes flash) {
    return refusable(() -> tasks.unclaim(id, user), id, flash);
  }

  @PostMapping("/tasks/{id}/assignment")
  String assign(@PathVariable long id, @RequestParam String assignee, @AuthenticationPrincipal DeskUser user,
      RedirectAttributes flash) {
    return refusable(() -> tasks.assign(id, assignee, user), id, flash);
  }

  @PostMapping("/tasks/{id}/follow-up")
  String followUp(@PathVariable long id, @RequestParam LocalDate followUpOn, @AuthenticationPrincipal DeskUser user,
      RedirectAttributes flash) {
    return refusable(() -> tasks.followUp(id, followUpOn, user), id, flash);
  }

  /** Completes the task with its form; a refused form comes back with each reason next to its field. */
  @PostMapping("/tasks/{id}")
  String complete(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal DeskUser user,
      Model model, HttpServletResponse res, RedirectAttributes flash) {
    Map<String, String> posted = FormJson.compact(form);
    TaskView task = tasks.get(id, user);
    List<FormFields.Field> fields = FormFields.of(tasks.formOf(task.type()));
    try {
      tasks.complete(id, FormFields.toJson(fields, posted, json), user);
    } catch (InvalidInputException e) {
      res.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      Map<String, String> errors = new LinkedHashMap<>();
      e.problems().forEach(p -> errors.merge(field(p), p.reason(), (a, b) -> a + "; " + b));
      return form(task, posted, errors, null, user, model);
    } catch (ConflictException | ForbiddenException e) {
      res.setStatus(e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_FORBIDDEN);
      return form(task, posted, Map.of(), e.getMessage(), user, model);
    }
    flash.addFlashAttribute("done", task.name());
    return "redirect:/desk/tasks";
  }

  /** Validation names list cells "milestones[0].dueDate"; the page's inputs use the same names. */
  private static String field(FieldProblem p) {
    return p.field().replace(".[", "[");
  }

  private String form(TaskView task, Map<String, String> values, Map<String, String> errors, String problem,
      DeskUser user, Model model) {
    List<FormFields.Field> fields = FormFields.of(tasks.formOf(task.type()));
    Map<String, String> unplaced = new LinkedHashMap<>(errors);
    FormFields.inputNames(fields).forEach(unplaced::remove);
    model.addAttribute("task", task);
    model.addAttribute("deal", deals.byIds(List.of(task.dealId())).get(task.dealId()));
    model.addAttribute("fields", fields);
    model.addAttribute("rows", FormFields.ROWS);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("unplaced", unplaced);
    if (problem != null) {
      model.addAttribute("problem", problem);
    }
    model.addAttribute("mine", user.getUsername().equals(task.assignee()));
    model.addAttribute("notes", notes.notes(task.dealId()).stream().filter(n -> Long.valueOf(task.id()).equals(n.getTaskId()))
        .toList());
    model.addAttribute("files", notes.files(task.dealId()).stream()
        .filter(f -> Long.valueOf(task.id()).equals(f.getTaskId())).toList());
    model.addAttribute("colleagues", user.has(Role.MANAGER) && user.centres().contains(task.centre())
        ? directory.membersOf(task.candidateGroup()) : List.of());
    model.addAttribute("today", Dates.earliestToday(clock));
    return "tasks/task";
  }

  private String refusable(Runnable action, long id, RedirectAttributes flash) {
    try {
      action.run();
    } catch (ConflictException | ForbiddenException e) {
      flash.addFlashAttribute("problem", e.getMessage());
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("problem", e.describe());
    }
    return "redirect:/desk/tasks/" + id;
  }
}
