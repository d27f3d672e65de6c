package io.ttdesk.local;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as a process of its own, on this JVM's class path (demo users included), for
 * tests and measurements that need to kill it or to see its own memory.
 */
public final class ChildApplication implements AutoCloseable {

  private final Process process;
  private final int port;

  private ChildApplication(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts it with these system properties and JVM options, and waits until it answers. */
  public static ChildApplication start(Map<String, String> properties, List<String> jvmOptions, Path log)
      throws Exception {
    int port = EmbeddedInfrastructure.freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath()));
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-Dserver.port=" + port);
    command.add("io.ttdesk.DealDeskApplication");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    ChildApplication app = new ChildApplication(process, port);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited; see " + log);
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return app;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the application did not answer within 120 s; see " + log);
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  /** Its resident memory now, in MiB (Linux). */
  public long residentMib() {
    return Resident.mib(process.pid());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** This JVM's class path without the packaged application, whose classes (and diagrams) are there already. */
  private static String classpath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.matches(".*/target/ttdesk-[^/]*\\.jar") && !entries.contains(e)) {
        entries.add(e);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Resident set sizes read from /proc. */
  public static final class Resident {
    private Resident() {}

    public static long mib(long pid) {
      try {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
          }
        }
      } catch (IOException gone) {
        // the process has ended
      }
      return 0;
    }
  }
}
