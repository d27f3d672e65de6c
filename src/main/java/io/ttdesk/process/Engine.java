package io.ttdesk.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The application's only way to command the engine. */
@Component
public class Engine {

  private final CamundaClient client;
  private final Duration messageTtl;
  private final Duration taskJobTimeout;

  Engine(CamundaClient client, @Value("${ttdesk.engine.message-ttl:P7D}") Duration messageTtl,
      @Value("${ttdesk.engine.task-job-timeout:PT1H}") Duration taskJobTimeout) {
    this.client = client;
    this.messageTtl = messageTtl;
    this.taskJobTimeout = taskJobTimeout;
  }

  public long startDeal(Map<String, Object> variables) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(DealProcess.PROCESS_ID)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /**
   * Creates a deal's process instance anew, started before the given elements, for a deal whose
   * instance the engine has lost.
   */
  public long recreateDeal(Map<String, Object> variables, List<String> startBefore) {
    var command = client.newCreateInstanceCommand().bpmnProcessId(DealProcess.PROCESS_ID).latestVersion()
        .variables(variables);
    for (String element : startBefore) {
      command = command.startBeforeElement(element);
    }
    return command.send().join().getProcessInstanceKey();
  }

  /** Cancels a process instance; nothing happens if the engine no longer has it. */
  public void cancel(long processInstanceKey) {
    try {
      client.newCancelInstanceCommand(processInstanceKey).send().join();
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
  }

  /** Whether the engine still has this process instance. */
  public boolean hasInstance(long processInstanceKey) {
    try {
      // Setting no variables changes nothing and is refused for an instance the engine does not have.
      client.newSetVariablesCommand(processInstanceKey).variables(Map.of()).send().join();
      return true;
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Publishes a message. The message id makes a repeated publication a no-op while the first
   * is buffered; the time to live covers the moment before the process reaches the catch event.
   */
  public void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
    try {
      client.newPublishMessageCommand()
          .messageName(name)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(messageTtl)
          .variables(variables)
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  /** Completes a user-task job; false when the engine no longer has it (withdrawn). */
  public boolean completeTask(long jobKey, Map<String, Object> variables) {
    try {
      client.newCompleteCommand(jobKey).variables(variables).send().join();
      return true;
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /** Keeps an open task's job activated; false when the engine no longer has it. */
  public boolean keepTask(long jobKey) {
    try {
      client.newUpdateTimeoutCommand(jobKey).timeout(taskJobTimeout).send().join();
      return true;
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Ends a step that is stuck on an incident and starts it again in the same place of the process
   * instance, so its job runs anew. False when the engine refuses (the step is gone, or it runs in
   * several branches and needs a scope to be named).
   */
  public boolean restartElement(long processInstanceKey, long elementInstanceKey, String elementId) {
    try {
      client.newModifyProcessInstanceCommand(processInstanceKey).terminateElement(elementInstanceKey).and()
          .activateElement(elementId).send().join();
      return true;
    } catch (ClientStatusException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
          || e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
        return false;
      }
      throw e;
    }
  }
}
