package io.ttdesk.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Zeebe broker with its gateway, run as its own process from Maven Central's distribution
 * (unpacked by the build), on free ports, keeping its state in a folder of its own across restarts.
 */
public final class StandaloneBroker {

  private final Path home;
  private final Path data;
  private final Path log;
  private final int gatewayPort = EmbeddedInfrastructure.freePort();
  private final int commandPort = EmbeddedInfrastructure.freePort();
  private final int internalPort = EmbeddedInfrastructure.freePort();
  private final int serverPort = EmbeddedInfrastructure.freePort();
  private final int monitoringPort = EmbeddedInfrastructure.freePort();
  private Process process;

  private static StandaloneBroker shared;

  public StandaloneBroker(Path home) throws IOException {
    this.home = home;
    this.data = Files.createTempDirectory("ttdesk-broker-data");
    this.log = Path.of("target", "standalone-broker.log");
  }

  public static Path home() {
    return Path.of(System.getProperty("ttdesk.e2e.broker-home", "target/standalone-broker/camunda-zeebe-8.6.0"));
  }

  /** Whether the integration tests run on the standalone broker instead of the in-memory engine (-Pstandalone-engine). */
  public static boolean forTests() {
    return Boolean.getBoolean("ttdesk.it.standalone-engine");
  }

  /** One broker per JVM, started on first use; like every broker started here, it is killed when the JVM exits. */
  public static synchronized StandaloneBroker shared() {
    if (shared == null) {
      try {
        StandaloneBroker broker = new StandaloneBroker(home());
        broker.start();
        shared = broker;
      } catch (Exception e) {
        throw new IllegalStateException("the standalone broker did not start", e);
      }
    }
    return shared;
  }

  public String grpcAddress() {
    return "http://127.0.0.1:" + gatewayPort;
  }

  /** Starts the broker and waits until it reports itself ready. */
  public void start() throws Exception {
    ProcessBuilder b = new ProcessBuilder(home.resolve("bin/broker").toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = b.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("ZEEBE_BROKER_NETWORK_HOST", "127.0.0.1");
    env.put("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", String.valueOf(gatewayPort));
    env.put("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", String.valueOf(commandPort));
    env.put("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", String.valueOf(internalPort));
    env.put("SERVER_PORT", String.valueOf(serverPort));
    env.put("MANAGEMENT_SERVER_PORT", String.valueOf(monitoringPort));
    env.put("ZEEBE_BROKER_DATA_DIRECTORY", data.toString());
    env.put("JAVA_OPTS", "-Xmx512m");
    process = b.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (process != null) {
        process.destroyForcibly();
      }
    }));
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitoringPort
            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    stop();
    throw new IllegalStateException("the broker was not ready within 120 s; see " + log);
  }

  /** Stops the broker as an operator would (SIGTERM), waiting for it to end. */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    process = null;
  }
}
