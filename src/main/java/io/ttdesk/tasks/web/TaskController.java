package io.ttdesk.tasks.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskService;
import io.ttdesk.tasks.TaskView;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.ttdesk.deal.Stage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/tasks")
@PreAuthorize("hasAnyRole('BROKER','MANAGER')")
class TaskController {

  private final TaskService tasks;

  TaskController(TaskService tasks) {
    this.tasks = tasks;
  }

  /**
   * One page of the open tasks the person sees (100 by default, at most 500), with the view's
   * total in {@code X-Total-Count}.
   */
  @GetMapping
  ResponseEntity<List<TaskView>> list(@RequestParam(defaultValue = "ALL") TaskService.View filter,
      @RequestParam(required = false) String dealId, @RequestParam(required = false) Stage stage,
      @RequestParam(required = false) String centre, @RequestParam(defaultValue = "DUE") TaskService.Sort sort,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size, @AuthenticationPrincipal DeskUser user) {
    TaskService.Page found = tasks.search(user, new TaskService.Query(filter, stage, centre, dealId, sort, page, size));
    return ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.total())).body(found.tasks());
  }

  @GetMapping("/{id}")
  TaskView get(@PathVariable long id, @AuthenticationPrincipal DeskUser user) {
    return tasks.get(id, user);
  }

  @PostMapping("/{id}/claim")
  TaskView claim(@PathVariable long id, @AuthenticationPrincipal DeskUser user) {
    return tasks.claim(id, user);
  }

  @PostMapping("/{id}/unclaim")
  TaskView unclaim(@PathVariable long id, @AuthenticationPrincipal DeskUser user) {
    return tasks.unclaim(id, user);
  }

  record Assignment(@NotBlank @Size(max = 64) String assignee) {}

  record FollowUp(@NotNull LocalDate followUpOn) {}

  /** A manager of the task's centre gives it to a member of its group. */
  @PostMapping("/{id}/assignment")
  @PreAuthorize("hasRole('MANAGER')")
  TaskView assign(@PathVariable long id, @Valid @RequestBody Assignment body, @AuthenticationPrincipal DeskUser user) {
    return tasks.assign(id, body.assignee(), user);
  }

  @PostMapping("/{id}/follow-up")
  TaskView followUp(@PathVariable long id, @Valid @RequestBody FollowUp body, @AuthenticationPrincipal DeskUser user) {
    return tasks.followUp(id, body.followUpOn(), user);
  }

  /** The body is the task's form: its fields depend on the task type (see the README). */
  @PostMapping("/{id}/complete")
  TaskView complete(@PathVariable long id, @RequestBody(required = false) JsonNode form,
      @AuthenticationPrincipal DeskUser user) {
    return tasks.complete(id, form, user);
  }
}
