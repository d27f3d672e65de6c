package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.deal.CloseWorker;
import io.ttdesk.process.DealProcess;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.revenue.SplitWorker;
import io.ttdesk.tasks.UserTaskWorker;
import io.ttdesk.valuation.ValuationWorker;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine may deliver a job again (timeout, lost completion): every worker leaves one effect. */
class DuplicateDeliveryIT extends ApiTest {

  @Autowired
  ValuationWorker valuation;
  @Autowired
  SplitWorker split;
  @Autowired
  CloseWorker close;
  @Autowired
  UserTaskWorker userTasks;

  @Test
  void valuationJobDeliveredTwiceStoresOneValuation() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    ActivatedJob job = job(7_000_000_001L, Jobs.VALUATION, Map.of());
    Map<String, Object> first = valuation.compute(job, id);
    Map<String, Object> second = valuation.compute(job, id);
    assertThat(second).isEqualTo(first);
    assertThat(deal(id).get("valuations")).hasSize(1);
    assertThat(count(id, "VALUATION_COMPUTED")).isEqualTo(1);
  }

  @Test
  void splitJobDeliveredTwiceWritesTheLedgerOnce() {
    String id = dealInExecution();
    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "UPFRONT", "amount", "20000.00",
        "currency", "USD", "receivedOn", LocalDate.now().toString())).expect(201);
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> get("auditor", "/api/v1/deals/" + id + "/ledger").body().get(0).get("lines").size() == 6);
    // The engine's own job already split it; another job for the same payment (one delivered twice,
    // or one from a recreated process instance) must not split it again.
    ActivatedJob again = job(7_000_000_002L, Jobs.SPLIT_REVENUE, Map.of());
    split.split(again, id, Map.of("id", "UPFRONT"));
    split.split(again, id, Map.of("id", "UPFRONT"));
    assertThat(get("auditor", "/api/v1/deals/" + id + "/ledger").body().get(0).get("lines")).hasSize(6);
    assertThat(count(id, "PAYMENT_SPLIT")).isEqualTo(1);
  }

  @Test
  void twoDeliveriesRacingEachOtherLeaveOneEffect() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    ActivatedJob job = job(7_000_000_004L, Jobs.VALUATION, Map.of());
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Object>> runs = List.of(1, 2).stream().map(n -> pool.submit(() -> {
        start.await();
        try {
          return (Object) valuation.compute(job, id);
        } catch (RuntimeException e) {
          return e;
        }
      })).toList();
      List<Object> outcomes = List.of(runs.get(0).get(), runs.get(1).get());
      // One delivery wins; the other either finds its stored result or collides and is retried by the engine.
      assertThat(outcomes).filteredOn(o -> o instanceof Map).isNotEmpty();
    } finally {
      pool.shutdownNow();
    }
    assertThat(deal(id).get("valuations")).hasSize(1);
    assertThat(count(id, "VALUATION_COMPUTED")).isEqualTo(1);
    assertThat(valuation.compute(job, id)).containsKey("valuationValue");
  }

  @Test
  void closeJobDeliveredTwiceClosesOnce() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    ActivatedJob job = job(7_000_000_003L, Jobs.CLOSE, Map.of(DealProcess.Headers.OUTCOME, "WITHDRAWN"));
    close.close(job, id);
    close.close(job, id);
    assertThat(deal(id).get("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(count(id, "DEAL_CLOSED")).isEqualTo(1);
  }

  @Test
  void aChaseTaskHandedOutAfterItsPaymentArrivedIsNotOpened() throws Exception {
    String id = dealInExecution();
    post("broker", "/api/v1/deals/" + id + "/payments", Map.of("milestone", "UPFRONT", "amount", "20000.00",
        "currency", "USD", "receivedOn", LocalDate.now().toString())).expect(201);
    long created = count(id, "TASK_CREATED");
    // The chase job of the paid fee, stored only now (it waited for the deal's lock): no task.
    userTasks.activated(chaseJob(7_000_000_003L, id, "UPFRONT"));
    // One about a payment still awaited opens as usual.
    userTasks.activated(chaseJob(7_000_000_004L, id, "M-AWAITED"));
    assertThat(StreamSupport.stream(get("broker", "/api/v1/tasks?dealId=" + id).body().spliterator(), false)
        .filter(t -> t.get("type").asText().equals("ChasePayment")).map(t -> t.get("id").asLong()))
        .containsExactly(7_000_000_004L);
    assertThat(count(id, "TASK_CREATED")).isEqualTo(created + 1);
  }

  private static ActivatedJob chaseJob(long key, String dealId, String milestone) {
    ActivatedJob job = job(key, Jobs.USER_TASK, Map.of(DealProcess.Headers.CANDIDATE_GROUPS, "[\"brokers:SHA\"]"));
    when(job.getElementId()).thenReturn("ChasePayment");
    when(job.getVariablesAsMap()).thenReturn(Map.of("dealId", dealId, "centre", "SHA",
        "milestone", Map.of("id", milestone)));
    return job;
  }

  @Test
  void userTaskJobActivatedTwiceIsOneTask() throws Exception {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long engineTask = awaitTask("broker", id, "ScreenDisclosure");
    ActivatedJob job = job(engineTask, Jobs.USER_TASK, Map.of(DealProcess.Headers.CANDIDATE_GROUPS, "[\"brokers:SHA\"]"));
    when(job.getElementId()).thenReturn("ScreenDisclosure");
    when(job.getVariablesAsMap()).thenReturn(Map.of("dealId", id, "centre", "SHA"));
    userTasks.activated(job);
    assertThat(get("broker", "/api/v1/tasks?dealId=" + id).body()).hasSize(1);
    assertThat(count(id, "TASK_CREATED")).isEqualTo(1);
  }

  private long count(String dealId, String type) {
    return StreamSupport.stream(get("auditor", "/api/v1/deals/" + dealId + "/history").body().spliterator(), false)
        .filter(e -> e.get("type").asText().equals(type)).count();
  }

  private static ActivatedJob job(long key, String type, Map<String, String> headers) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(key);
    when(job.getType()).thenReturn(type);
    when(job.getRetries()).thenReturn(3);
    when(job.getCustomHeaders()).thenReturn(headers);
    when(job.getProcessInstanceKey()).thenReturn(1L);
    return job;
  }
}
