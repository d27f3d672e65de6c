package io.ttdesk.tasks.ui;

import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskOpened;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open task lists, as server-sent events, that a task they would show has been created,
 * once the task is committed; the page then fetches its rows again.
 */
@Controller
class TaskStream {

  private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();

  private record Listener(DeskUser user, SseEmitter emitter) {}

  private final Set<Listener> listeners = new CopyOnWriteArraySet<>();

  @GetMapping(path = "/desk/tasks/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @PreAuthorize("hasAnyRole('BROKER','MANAGER')")
  SseEmitter stream(@AuthenticationPrincipal DeskUser user) throws IOException {
    SseEmitter emitter = new SseEmitter(TIMEOUT);
    Listener listener = new Listener(user, emitter);
    listeners.add(listener);
    emitter.onCompletion(() -> listeners.remove(listener));
    emitter.onTimeout(() -> listeners.remove(listener));
    emitter.onError(e -> listeners.remove(listener));
    // A first comment makes proxies and the browser open the stream at once.
    emitter.send(SseEmitter.event().comment("open"));
    return emitter;
  }

  /** Open streams end when the application begins to close, so its web server stops without waiting on them. */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    listeners.forEach(l -> l.emitter().complete());
    listeners.clear();
  }

  /** Runs on the thread that committed the task, with nobody signed in: no method security here. */
  @TransactionalEventListener
  void opened(TaskOpened task) {
    for (Listener l : listeners) {
      DeskUser user = l.user();
      boolean shows = user.sees(task.centre()) && (user.groups().contains(task.candidateGroup())
          || user.getUsername().equals(task.assignee()));
      if (shows) {
        try {
          l.emitter().send(SseEmitter.event().name("task").data(task.taskId()));
        } catch (IOException | IllegalStateException e) {
          listeners.remove(l);
        }
      }
    }
  }
}
