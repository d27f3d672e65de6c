package io.ttdesk.tasks;

import io.ttdesk.common.InvalidInputException;
import io.ttdesk.deal.Stage;
import io.ttdesk.security.DeskUser;
import java.util.Map;

/**
 * What completing one kind of task means: its form, and its effect on the case. Each domain
 * module provides the handlers of its own tasks.
 *
 * @param <F> the form; validated with Bean Validation before {@link #complete} runs
 */
public interface TaskHandler<F> {

  /** The user task's element id in the diagram. */
  String elementId();

  Class<F> form();

  /** Where the task list's priority order puts this kind: higher first; most kinds are 50. */
  default int priority() {
    return 50;
  }

  /**
   * Whether what the task is about (its subject) was dealt with before the task could open, as a
   * payment that arrived while its chase task waited to be stored; such a task is not opened.
   */
  default boolean settled(String dealId, String subject) {
    return false;
  }

  /** The stage the deal is in while this task is open; null leaves the stage as it is. */
  Stage stage();

  /** Applies the form to the case (in the caller's transaction) and returns the process variables. */
  Result complete(TaskView task, F form, DeskUser user);

  /** Refuses the form when the outcome needs a text (a reason, a reference) and none was given. */
  static void requireText(boolean needed, String text, String field, String reason) {
    if (needed && (text == null || text.isBlank())) {
      throw new InvalidInputException(field, reason);
    }
  }

  /** The process variables for the engine, and a one-word outcome for the task list. */
  record Result(Map<String, Object> variables, String outcome) {}
}
