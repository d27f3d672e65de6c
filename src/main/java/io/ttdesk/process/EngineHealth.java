package io.ttdesk.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.PartitionBrokerHealth;
import io.camunda.client.api.response.PartitionInfo;
import io.camunda.client.api.response.Topology;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The engine as the health endpoint reports it: UP when the gateway answers with its topology
 * within a short time and every partition has a healthy leader, so new deals can start and jobs
 * complete on all of them. Replaces the starter's check, which waits the client's full request
 * timeout and says nothing about partitions.
 */
// Reported as "engine": the health endpoint drops the suffix.
@Component("engineHealthIndicator")
class EngineHealth implements HealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /** Health is open to anyone: many requests at once ask the engine at most once per this time. */
  private static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final CamundaClient client;
  private Health last;
  private long lastAt;

  EngineHealth(CamundaClient client) {
    this.client = client;
  }

  @Override
  public synchronized Health health() {
    if (last == null || System.nanoTime() - lastAt > MAX_AGE.toNanos()) {
      last = ask();
      lastAt = System.nanoTime();
    }
    return last;
  }

  private Health ask() {
    Topology topology;
    try {
      topology = client.newTopologyRequest().requestTimeout(TIMEOUT).send()
          .join(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
    }
    Set<Integer> led = new TreeSet<>();
    for (BrokerInfo broker : topology.getBrokers()) {
      for (PartitionInfo p : broker.getPartitions()) {
        if (p.isLeader() && p.getHealth() == PartitionBrokerHealth.HEALTHY) {
          led.add(p.getPartitionId());
        }
      }
    }
    Set<Integer> leaderless = new TreeSet<>();
    for (int id = 1; id <= topology.getPartitionsCount(); id++) {
      if (!led.contains(id)) {
        leaderless.add(id);
      }
    }
    Health.Builder health = topology.getBrokers().isEmpty() || topology.getPartitionsCount() == 0 || !leaderless.isEmpty()
        ? Health.down() : Health.up();
    return health
        .withDetail("brokers", topology.getBrokers().size())
        .withDetail("clusterSize", topology.getClusterSize())
        .withDetail("partitions", topology.getPartitionsCount())
        .withDetail("partitionsWithoutHealthyLeader", leaderless)
        .withDetail("gatewayVersion", topology.getGatewayVersion())
        .build();
  }
}
