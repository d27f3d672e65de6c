package io.ttdesk.tasks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class TaskKeeper {

  private static final Logger log = LoggerFactory.getLogger(TaskKeeper.class);

  private final TaskService tasks;

  TaskKeeper(TaskService tasks) {
    this.tasks = tasks;
  }

  /** Runs well inside the job timeout, so an open task's job never falls back to the engine. */
  @Scheduled(fixedDelayString = "${ttdesk.tasks.keep-interval:PT10M}", initialDelayString = "${ttdesk.tasks.keep-interval:PT10M}")
  void keep() {
    try {
      int withdrawn = tasks.keepOpenTasks();
      if (withdrawn > 0) {
        log.info("{} tasks withdrawn: the engine no longer has their jobs", withdrawn);
      }
    } catch (RuntimeException e) {
      log.warn("Could not extend open tasks; will try again", e);
    }
  }
}
