package io.ttdesk.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.ttdesk.process.DealProcess;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Messages;
import io.ttdesk.process.DealProcess.Tasks;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.TestDeals;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's own limit: the same diagram and the same deal path as the product run, on the same
 * engine, with workers that do nothing but complete their jobs with the variables the product's
 * workers return, and the benchmark playing the people and the counterparty at once.
 */
final class BareEngineRun {

  record Result(int deals, double seconds, long jobs, Figures stage) {}

  static Result run(String gateway, int deals, int inFlight) throws Exception {
    try (CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://" + gateway))
        .preferRestOverGrpc(false).build()) {
      var deploy = client.newDeployResourceCommand().addResourceFile(TestDeals.RESOURCES[0]);
      for (int i = 1; i < TestDeals.RESOURCES.length; i++) {
        deploy = deploy.addResourceFile(TestDeals.RESOURCES[i]);
      }
      deploy.send().join();
      Semaphore slots = new Semaphore(inFlight);
      CountDownLatch done = new CountDownLatch(deals);
      AtomicLong jobs = new AtomicLong();
      Map<String, Long> screened = new ConcurrentHashMap<>();
      Figures stage = new Figures();
      List<JobWorker> workers = new ArrayList<>();
      Map<String, JobHandler> handlers = handlers(client, screened, stage, slots, done);
      handlers.forEach((type, handler) -> workers.add(client.newWorker().jobType(type)
          .handler((jc, job) -> {
            Map<String, Object> vars = handler.handle(job);
            jc.newCompleteCommand(job.getKey()).variables(vars).send().join();
            jobs.incrementAndGet();
            handler.after(job);
          })
          .maxJobsActive(64).streamEnabled(true).timeout(Duration.ofMinutes(5)).open()));
      long start = System.nanoTime();
      List<Long> instances = new ArrayList<>();
      for (int i = 0; i < deals; i++) {
        slots.acquire();
        instances.add(client.newCreateInstanceCommand().bpmnProcessId(DealProcess.PROCESS_ID).latestVersion()
            .variables(TestDeals.startVariables(UUID.randomUUID().toString(), false, 5)).send().join().getProcessInstanceKey());
      }
      if (!done.await(30, TimeUnit.MINUTES)) {
        throw new IllegalStateException("bare engine run did not finish");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      workers.forEach(JobWorker::close);
      // The deals wait for later payments; cancelled, they leave the engine's state as they found it.
      instances.forEach(key -> client.newCancelInstanceCommand(key).send().join());
      return new Result(deals, seconds, jobs.get(), stage);
    }
  }

  interface JobHandler {
    Map<String, Object> handle(ActivatedJob job);

    default void after(ActivatedJob job) {}
  }

  private static Map<String, JobHandler> handlers(CamundaClient client, Map<String, Long> screened, Figures stage,
      Semaphore slots, CountDownLatch done) {
    Map<String, JobHandler> h = new HashMap<>();
    h.put(Jobs.USER_TASK, new JobHandler() {
      public Map<String, Object> handle(ActivatedJob job) {
        String deal = (String) job.getVariablesAsMap().get(Vars.DEAL_ID);
        return switch (job.getElementId()) {
          case Tasks.SCREEN_DISCLOSURE -> Map.of(Vars.SCREENING_DECISION, "PURSUE");
          case Tasks.PREPARE_TERM_SHEET -> {
            stage.addNanos(System.nanoTime() - screened.remove(deal));
            yield Map.of(Vars.DEAL_FORM, "NON_EXCLUSIVE_LICENCE", Vars.UPFRONT_FEE, 20000, Vars.UPFRONT_FEE_USD, 20000,
                Vars.ROYALTY_RATE, 3);
          }
          default -> throw new IllegalStateException("unexpected task " + job.getElementId());
        };
      }

      public void after(ActivatedJob job) {
        if (job.getElementId().equals(Tasks.SCREEN_DISCLOSURE)) {
          screened.put((String) job.getVariablesAsMap().get(Vars.DEAL_ID), System.nanoTime());
        }
      }
    });
    h.put(Jobs.VALUATION, job -> Map.of(Vars.VALUATION_VALUE, 100000, Vars.VALUATION_VALUE_USD, 100000));
    h.put(Jobs.DECISION_RECORD, job -> Map.of());
    h.put(Jobs.PATENT_CHECK, job -> Map.of(Vars.PATENT_POSITION, "NOVELTY_INTACT", Vars.OWNERSHIP_CLEAR, true));
    h.put(Jobs.SEND_OFFER, new JobHandler() {
      public Map<String, Object> handle(ActivatedJob job) {
        return Map.of(Vars.REMINDER_COUNT, 0);
      }

      public void after(ActivatedJob job) {
        String deal = (String) job.getVariablesAsMap().get(Vars.DEAL_ID);
        publish(client, Messages.COUNTERPARTY_RESPONSE, deal,
            Map.of(Vars.COUNTERPARTY_RESPONSE, "ACCEPT", Vars.NEGOTIATION_ROUND, 0));
        publish(client, Messages.CONTRACT_SIGNED, deal, Map.of("signedOn", LocalDate.now().toString()));
      }
    });
    h.put(Jobs.ACTIVATE_CONTRACT, new JobHandler() {
      public Map<String, Object> handle(ActivatedJob job) {
        // The same schedule as the product's term sheet: the upfront fee, a milestone and four periods.
        String later = Instant.now().plus(Duration.ofDays(180)).toString();
        List<Map<String, Object>> periods = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
          periods.add(Map.of("id", "R" + q, "reportDueAt", later));
        }
        return Map.of(Vars.MILESTONES, List.of(Map.of("id", "UPFRONT", "dueAt", later), Map.of("id", "M1", "dueAt", later)),
            Vars.ROYALTY_PERIODS, periods);
      }

      public void after(ActivatedJob job) {
        String deal = (String) job.getVariablesAsMap().get(Vars.DEAL_ID);
        publish(client, Messages.PAYMENT_RECEIVED, Messages.paymentKey(deal, "UPFRONT"), Map.of());
      }
    });
    h.put(Jobs.SPLIT_REVENUE, new JobHandler() {
      public Map<String, Object> handle(ActivatedJob job) {
        return Map.of();
      }

      public void after(ActivatedJob job) {
        slots.release();
        done.countDown();
      }
    });
    return h;
  }

  private static void publish(CamundaClient client, String name, String key, Map<String, Object> vars) {
    client.newPublishMessageCommand().messageName(name).correlationKey(key).timeToLive(Duration.ofMinutes(10))
        .variables(vars).send().join();
  }
}
