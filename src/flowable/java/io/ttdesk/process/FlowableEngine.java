package io.ttdesk.process;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;

/**
 * The application's commands, sent to an embedded Flowable engine instead of Zeebe; for the
 * benchmark's side-by-side run only. Process instances carry the deal id as business key, and
 * Flowable's ids (numbers from its id table) stand for Zeebe's keys.
 */
public class FlowableEngine extends Engine {

  /** Messages the diagram awaits with receive tasks (they take boundary timers), by the tasks' ids. */
  private static final Map<String, List<String>> RECEIVE_TASKS = Map.of(
      DealProcess.Messages.PAYMENT_RECEIVED, List.of("AwaitPayment", "AwaitRoyaltyPayment"),
      DealProcess.Messages.ROYALTY_REPORT, List.of("AwaitRoyaltyReport"));
  /** Flowable has no message buffer: a message that comes before its catch event waits this long for it. */
  private static final Duration WAIT_FOR_SUBSCRIPTION = Duration.ofSeconds(30);

  private final RuntimeService runtime;
  private final TaskService flowTasks;
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();

  public FlowableEngine(CamundaClient unused, RuntimeService runtime, TaskService flowTasks) {
    super(unused, Duration.ofDays(7), Duration.ofHours(1));
    this.runtime = runtime;
    this.flowTasks = flowTasks;
  }

  @Override
  public long startDeal(Map<String, Object> variables) {
    return Long.parseLong(runtime.startProcessInstanceByKey(DealProcess.PROCESS_ID,
        (String) variables.get(DealProcess.Vars.DEAL_ID), variables).getId());
  }

  @Override
  public long recreateDeal(Map<String, Object> variables, List<String> startBefore) {
    throw new UnsupportedOperationException("not part of the side-by-side run");
  }

  @Override
  public void cancel(long processInstanceKey) {
    try {
      runtime.deleteProcessInstance(String.valueOf(processInstanceKey), "cancelled");
    } catch (FlowableObjectNotFoundException gone) {
      // nothing to cancel
    }
  }

  @Override
  public boolean hasInstance(long processInstanceKey) {
    return runtime.createProcessInstanceQuery().processInstanceId(String.valueOf(processInstanceKey)).count() > 0;
  }

  /**
   * Zeebe correlates on a key and buffers a message until its catch event is reached; here the
   * waiting executions of the deal are looked up (the key's part after the deal id names the
   * payment or period) and, if none waits yet, looked up again until one does.
   */
  @Override
  public void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
    if (!delivered.add(messageId)) {
      return;
    }
    int colon = correlationKey.indexOf(':');
    String dealId = colon < 0 ? correlationKey : correlationKey.substring(0, colon);
    String item = colon < 0 ? null : correlationKey.substring(colon + 1);
    long deadline = System.nanoTime() + WAIT_FOR_SUBSCRIPTION.toNanos();
    while (true) {
      Execution waiting = waiting(name, dealId, item);
      if (waiting != null) {
        if (RECEIVE_TASKS.containsKey(name)) {
          runtime.trigger(waiting.getId(), variables);
        } else {
          runtime.messageEventReceived(name, waiting.getId(), variables);
        }
        return;
      }
      if (System.nanoTime() > deadline) {
        delivered.remove(messageId);
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Execution waiting(String name, String dealId, String item) {
    List<Execution> candidates = RECEIVE_TASKS.containsKey(name)
        ? RECEIVE_TASKS.get(name).stream().flatMap(activity -> runtime.createExecutionQuery()
            .processInstanceBusinessKey(dealId, true).activityId(activity).list().stream()).toList()
        : runtime.createExecutionQuery().processInstanceBusinessKey(dealId, true).messageEventSubscriptionName(name).list();
    String itemVariable = name.equals(DealProcess.Messages.ROYALTY_REPORT) ? DealProcess.Vars.PERIOD
        : DealProcess.Vars.MILESTONE;
    for (Execution e : candidates) {
      if (item == null || item.equals(itemOf(e, itemVariable))) {
        return e;
      }
    }
    return null;
  }

  /** The payment or period an execution waits for: the multi-instance element around it. */
  private String itemOf(Execution e, String variable) {
    return runtime.getVariable(e.getId(), variable) instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : null;
  }

  @Override
  public boolean completeTask(long jobKey, Map<String, Object> variables) {
    try {
      flowTasks.complete(String.valueOf(jobKey), variables);
      return true;
    } catch (FlowableObjectNotFoundException gone) {
      return false;
    }
  }

  @Override
  public boolean keepTask(long jobKey) {
    return flowTasks.createTaskQuery().taskId(String.valueOf(jobKey)).count() > 0;
  }

  @Override
  public boolean restartElement(long processInstanceKey, long elementInstanceKey, String elementId) {
    return false;
  }
}
