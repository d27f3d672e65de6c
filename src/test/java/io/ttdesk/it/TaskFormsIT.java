package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.ttdesk.tasks.TaskHandler;
import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every user task of the diagram can be completed, including the overdue-payment chase. */
class TaskFormsIT extends ApiTest {

  @Autowired
  List<TaskHandler<?>> handlers;

  @Test
  void everyUserTaskInTheDiagramHasAForm() {
    List<String> userTasks = Bpmn.readModelFromFile(new File("bpmn/deal.bpmn")).getModelElementsByType(UserTask.class)
        .stream().map(UserTask::getId).toList();
    assertThat(handlers).extracting(TaskHandler::elementId).containsExactlyInAnyOrderElementsOf(userTasks);
  }

  @Test
  void overduePaymentIsChasedAndItsTaskEndsWhenThePaymentArrives() {
    // Signed 40 days ago: the upfront fee fell due 10 days ago.
    String id = dealSignedOn(LocalDate.now().minusDays(40));
    long chase = awaitTask("broker", id, "ChasePayment");
    assertThat(get("broker", "/api/v1/tasks/" + chase).body().get("subject").asText()).isEqualTo("UPFRONT");
    post("broker", "/api/v1/tasks/" + chase + "/complete", Map.of()).expect(400).problemOn("comment");
    post("broker", "/api/v1/tasks/" + chase + "/complete", Map.of("comment", "Called finance")).expect(200);
    assertThat(get("broker", "/api/v1/tasks?dealId=" + id).body()).isEmpty();
    assertThat(historyTypes(id)).contains("TASK_COMPLETED");
  }

  @Test
  void chaseTaskStillOpenIsWithdrawnWhenThePaymentArrives() {
    String id = dealSignedOn(LocalDate.now().minusDays(40));
    long chase = awaitTask("broker", id, "ChasePayment");

    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "UPFRONT", "amount", "20000.00",
        "currency", "USD", "receivedOn", LocalDate.now().toString())).expect(201);
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> get("broker", "/api/v1/tasks/" + chase).body().get("state").asText().equals("WITHDRAWN"));
    assertThat(deal(id).get("stage").asText()).isEqualTo("EXECUTION");
  }
}
