package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two people acting on one task at the same moment: one wins, the other gets a clear conflict, nothing doubles. */
class ConcurrencyIT extends ApiTest {

  /** Written once and never changed: nothing to lock. */
  private static final Set<String> INSERT_ONLY = Set.of("HistoryEvent", "LedgerLine", "Payment", "Valuation",
      "ValuationChoice", "Rating", "IpCheck", "DeniedParty", "ExportControlItem", "ExchangeRate", "RoyaltyPeriod",
      "ScheduledPayment", "CounterpartyResponse", "TermSheet", "RoyaltyReport", "Note", "Attachment", "ProcessedJob",
      "DistributionPolicy", "DistributionPolicy$ShareRow", "StageVisit");
  /** Changed only while a pessimistic row lock (the deal's, or their own) is held. */
  private static final Set<String> UNDER_ROW_LOCK = Set.of("TrailHead", "DealCounter", "PipelineDeal");

  @Autowired
  JdbcTemplate db;

  @Autowired
  EntityManagerFactory entities;

  @Test
  void twoClaimsAtOnceGiveOneAssigneeAndAConflict() throws Exception {
    for (int round = 0; round < 3; round++) {
      String id = disclose(disclosure("SHA", "CN", "CN", null));
      long task = awaitTask("broker", id, "ScreenDisclosure");
      List<Integer> statuses = race(
          () -> post("broker", "/api/v1/tasks/" + task + "/claim", null),
          () -> post("broker2", "/api/v1/tasks/" + task + "/claim", null));
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
      assertThat(count(id, "TASK_CLAIMED")).isEqualTo(1);
      String assignee = get("broker", "/api/v1/tasks/" + task).body().get("assignee").asText();
      assertThat(assignee).isIn("broker", "broker2");
    }
  }

  @Test
  void twoCompletionsAtOnceCompleteTheTaskOnce() throws Exception {
    for (int round = 0; round < 3; round++) {
      String id = disclose(disclosure("SHA", "CN", "CN", null));
      long task = awaitTask("broker", id, "ScreenDisclosure");
      List<Integer> statuses = race(
          () -> post("broker", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "PURSUE")),
          () -> post("broker2", "/api/v1/tasks/" + task + "/complete", Map.of("decision", "PURSUE")));
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
      assertThat(count(id, "TASK_COMPLETED")).isEqualTo(1);
      awaitTask("broker", id, "PrepareTermSheet");
      assertThat(db.queryForObject("SELECT COUNT(*) FROM task WHERE deal_id = ? AND element_id = 'PrepareTermSheet'",
          Integer.class, id)).isEqualTo(1);
    }
  }

  @Test
  void everyAggregateThatChangesIsLockedOptimisticallyOrUnderARowLock() {
    Set<String> versioned = new TreeSet<>();
    Set<String> others = new TreeSet<>();
    for (EntityType<?> e : entities.getMetamodel().getEntities()) {
      (e.hasVersionAttribute() ? versioned : others).add(e.getName());
    }
    assertThat(versioned).containsExactlyInAnyOrder("Deal", "Task", "AppUser", "Centre", "DocketItem", "Incident");
    Set<String> known = new TreeSet<>(INSERT_ONLY);
    known.addAll(UNDER_ROW_LOCK);
    assertThat(others).as("an entity that is neither versioned nor known to be insert-only or row-locked")
        .isEqualTo(known);
  }

  private int count(String dealId, String type) {
    return db.queryForObject("SELECT COUNT(*) FROM history_event WHERE deal_id = ? AND type = ?", Integer.class,
        dealId, type);
  }

  @SafeVarargs
  private List<Integer> race(java.util.function.Supplier<Reply>... calls) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> running = new ArrayList<>();
    for (var call : calls) {
      running.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return call.get().status();
      }));
    }
    start.countDown();
    return running.stream().map(CompletableFuture::join).collect(Collectors.toList());
  }
}
