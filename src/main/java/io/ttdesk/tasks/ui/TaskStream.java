package io.ttdesk.tasks.ui;

import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskOpened;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
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
  private final UserDetailsService users;
  /** Sends happen here, so a slow browser never holds up the worker that committed the task. */
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "task-stream");
    t.setDaemon(true);
    return t;
  });

  TaskStream(UserDetailsService users) {
    this.users = users;
  }

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

  /**
   * Runs once the task is committed, with nobody signed in: no method security here. Each person
   * is read again first, so a stream outlives no administrator's change: a disabled or changed
   * user's stream ends, and the browser's reconnection meets the sign-in rules.
   */
  @TransactionalEventListener
  void opened(TaskOpened task) {
    for (Listener l : listeners) {
      sender.execute(() -> {
        DeskUser now;
        try {
          now = current(l.user());
        } catch (RuntimeException unreadable) {
          return; // the users cannot be read: no notice this time
        }
        if (now == null) {
          listeners.remove(l);
          l.emitter().complete();
        } else if (now.sees(task.centre()) && (now.groups().contains(task.candidateGroup())
            || now.getUsername().equals(task.assignee()))) {
          send(l, SseEmitter.event().name("task").data(task.taskId()));
        }
      });
    }
  }

  /** The user as stored now, or null when they may no longer listen as they signed in. */
  private DeskUser current(DeskUser before) {
    try {
      DeskUser now = (DeskUser) users.loadUserByUsername(before.getUsername());
      return now.equals(before) ? now : null;
    } catch (UsernameNotFoundException e) {
      return null;
    }
  }

  /** A comment now and then finds the streams whose browser has gone, and keeps proxies from closing live ones. */
  @Scheduled(fixedDelay = 25_000)
  void heartbeat() {
    listeners.forEach(l -> send(l, SseEmitter.event().comment("alive")));
  }

  /** Open streams end when the application begins to close, so its web server stops without waiting on them. */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    listeners.forEach(l -> l.emitter().complete());
    listeners.clear();
    sender.shutdownNow();
  }

  private void send(Listener l, SseEmitter.SseEventBuilder event) {
    sender.execute(() -> {
      try {
        l.emitter().send(event);
      } catch (IOException | IllegalStateException e) {
        listeners.remove(l);
        l.emitter().completeWithError(e);
      }
    });
  }
}
