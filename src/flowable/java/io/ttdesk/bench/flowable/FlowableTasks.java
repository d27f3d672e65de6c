package io.ttdesk.bench.flowable;

import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.ElementNames;
import io.ttdesk.tasks.TaskService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.service.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * Puts Flowable's user tasks on the application's task list, as {@code UserTaskWorker} does with
 * Zeebe's user-task jobs: once Flowable has committed the task, on threads of their own (Zeebe
 * streams the job to the worker's threads), so a person can complete it as soon as they see it.
 */
public class FlowableTasks implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(FlowableTasks.class);
  private static final int ATTEMPTS = 5;

  private final ApplicationContext context;
  /** As many as the Zeebe client's execution threads (camunda.client.execution-threads). */
  private final ExecutorService threads = Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory());

  public FlowableTasks(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> vars = task.getVariables();
    String group = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).findFirst()
        .orElse(null);
    TaskService.NewTask created = new TaskService.NewTask(Long.parseLong(task.getId()), (String) vars.get(Vars.DEAL_ID),
        (String) vars.get(Vars.CENTRE), task.getTaskDefinitionKey(),
        context.getBean(ElementNames.class).of(task.getTaskDefinitionKey()), group, task.getAssignee(), subject(vars),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(), null,
        Long.parseLong(task.getProcessInstanceId()));
    Context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
        committed -> threads.execute(() -> open(created)));
  }

  /** Tried again on failure, as Zeebe would hand the job out again after its timeout. */
  private void open(TaskService.NewTask task) {
    for (int attempt = 1; ; attempt++) {
      try {
        context.getBean(TaskService.class).open(task);
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          log.error("Task {} of deal {} not opened", task.jobKey(), task.dealId(), e);
          return;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static String subject(Map<String, Object> vars) {
    for (String name : List.of(Vars.MILESTONE, Vars.PERIOD, Vars.DOCKET_ITEM)) {
      if (vars.get(name) instanceof Map<?, ?> m && m.get("id") != null) {
        return String.valueOf(m.get("id"));
      }
    }
    return null;
  }
}
