package io.ttdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttdesk.local.ChildApplication;
import io.ttdesk.local.EmbeddedInfrastructure;
import io.ttdesk.local.StandaloneBroker;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeds data, runs the scenarios of docs/performance.md and prints their figures; also written to
 * target/benchmark/results.md and results.json. Started by {@code ./mvnw -Pbenchmark spring-boot:test-run},
 * with options as {@code -Dspring-boot.run.arguments="--deals=200 --in-flight=8 --scale=1 --pipeline-scale=0.1"}.
 * The application runs as a process of its own, so its memory is its own; the in-memory engine
 * and the benchmark's drivers run in this process, MariaDB in its own.
 */
public final class DealDeskBenchmark {

  private static final int JOBS_PER_DEAL = 9;
  /** The Flowable version the benchmark profile puts on the class path. */
  private static final String FLOWABLE = java.util.regex.Pattern.compile("flowable-engine-([0-9][^/]*?)\\.jar")
      .matcher(System.getProperty("java.class.path")).results().map(m -> m.group(1)).findFirst().orElse("");

  private DealDeskBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int deals = Integer.parseInt(options.getOrDefault("deals", "200"));
    int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "8"));
    double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
    Path out = Path.of("target", "benchmark");
    Files.createDirectories(out);
    Report report = new Report();
    report.setting("deals", deals);
    report.setting("inFlight", inFlight);
    report.setting("scale", scale);

    EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(EmbeddedInfrastructure.freePort(),
        EmbeddedInfrastructure.freePort());
    String gateway = infra.engine().getGatewayAddress();
    if (options.containsKey("pipeline-only")) {
      pipelineOnly(report, infra, out, options);
      return;
    }

    BareEngineRun.run(gateway, Math.max(deals / 10, 10), inFlight); // warm-up
    BareEngineRun.Result bare = BareEngineRun.run(gateway, deals, inFlight);
    double bareRate = bare.deals() / bare.seconds();
    report.add("1 throughput", "bare engine, no-op workers: deals/s", bareRate, "deals/s");
    report.add("1 throughput", "bare engine: jobs/s", bare.jobs() / bare.seconds(), "jobs/s");
    report.add("2 stage latency", "bare engine: screening done to term-sheet task, p50", bare.stage().percentile(50), "ms");
    report.add("2 stage latency", "bare engine: screening done to term-sheet task, p99", bare.stage().percentile(99), "ms");

    if (options.containsKey("engine-only")) {
      report.write(out);
      infra.stop();
      System.exit(0);
    }

    double flowableRate = Double.NaN;
    Map<String, String> properties = applicationProperties(infra, out);
    try (ChildApplication app = ChildApplication.start(properties, List.of("-Xmx512m"), out.resolve("application.log"));
        Seed seed = new Seed(infra.jdbcUrl())) {
      ProductRun product = new ProductRun(app.port());
      product.run(Math.max(deals / 10, 10), inFlight); // warm-up
      long jobsBefore = jobs(seed);
      AtomicLong peakApp = new AtomicLong();
      AtomicLong peakDb = new AtomicLong();
      Thread sampler = Thread.ofPlatform().daemon().start(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peakApp.accumulateAndGet(app.residentMib(), Math::max);
          peakDb.accumulateAndGet(databaseResidentMib(), Math::max);
          try {
            Thread.sleep(250);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      Cpu cpuBefore = Cpu.of(app);
      ProductRun.Result run = product.run(deals, inFlight);
      Cpu cpu = Cpu.of(app).minus(cpuBefore);
      sampler.interrupt();
      double rate = run.deals() / run.seconds();
      report.add("1 throughput", "product: deals/s", rate, "deals/s");
      report.add("1 throughput", "product: jobs/s", (jobs(seed) - jobsBefore) / run.seconds(), "jobs/s");
      report.add("1 throughput", "product: commands answered 409 and tried again", run.conflicts(), "requests");
      cpu.report(report, "1 throughput", "product", deals);
      rowsPerDeal(report, "1 throughput", "product", seed);
      report.atLeast("1 throughput", "product / bare engine", 100.0 * rate / bareRate, "%", 80);
      report.add("2 stage latency", "product: screening done to term-sheet task, p50", run.stage().percentile(50), "ms");
      report.add("2 stage latency", "product: screening done to term-sheet task, p99", run.stage().percentile(99), "ms");
      Figures visible = sinceJobCreated(infra, run.seen());
      report.add("3 task visibility", "engine created the job to task in GET /api/v1/tasks, p50", visible.percentile(50),
          "ms");
      report.atMost("3 task visibility", "engine created the job to task in GET /api/v1/tasks, p99",
          visible.percentile(99), "ms", 250);
      report.add("3 task visibility", "the person's command to task in GET /api/v1/tasks, p50",
          run.visibility().percentile(50), "ms");
      report.atMost("7 memory", "application resident memory, peak under scenario 1", peakApp.get(), "MiB", 768);
      report.add("7 memory", "embedded MariaDB resident memory, peak", peakDb.get(), "MiB");
      if (!options.containsKey("no-flowable")) {
        flowableRate = flowable(report, infra, properties, deals, inFlight, out, rate);
      }

      trail(report, product, seed, (int) (200_000 * scale));
      taskList(report, product, seed, scale);
      pipeline(report, product, seed, Double.parseDouble(options.getOrDefault("pipeline-scale", "0.1")),
          Integer.parseInt(options.getOrDefault("pipeline-repeats", "12")));
    }
    if (!options.containsKey("no-standalone")) {
      standalone(report, infra, properties, deals, inFlight, out, flowableRate);
    }
    report.write(out);
    infra.stop();
    System.exit(0);
  }

  /**
   * Scenario 1 again on the standalone broker (Zeebe 8.6.0, RocksDB on disk): what a persistent
   * engine costs. The product gets a database of its own, since each engine numbers its keys alike.
   */
  private static void standalone(Report report, EmbeddedInfrastructure infra, Map<String, String> embedded, int deals,
      int inFlight, Path out, double flowableRate) throws Exception {
    StandaloneBroker broker = new StandaloneBroker(StandaloneBroker.home());
    broker.start();
    try {
      String gateway = broker.grpcAddress().replaceFirst("^http://", "");
      BareEngineRun.run(gateway, Math.max(deals / 10, 10), inFlight);
      BareEngineRun.Result bare = BareEngineRun.run(gateway, deals, inFlight);
      double bareRate = bare.deals() / bare.seconds();
      report.add("1 standalone broker", "bare engine, no-op workers: deals/s", bareRate, "deals/s");
      report.add("1 standalone broker", "bare engine: jobs/s", bare.jobs() / bare.seconds(), "jobs/s");
      Map<String, String> properties = new HashMap<>(embedded);
      properties.putAll(infra.propertiesWithDatabase("ttdesk_standalone"));
      properties.put("camunda.client.grpc-address", broker.grpcAddress());
      try (ChildApplication app = ChildApplication.start(properties, List.of("-Xmx512m"),
          out.resolve("application-standalone.log"))) {
        ProductRun product = new ProductRun(app.port());
        product.run(Math.max(deals / 10, 10), inFlight);
        ProductRun.Result run = product.run(deals, inFlight);
        double rate = run.deals() / run.seconds();
        report.add("1 standalone broker", "product: deals/s", rate, "deals/s");
        report.atLeast("1 standalone broker", "product / bare engine", 100.0 * rate / bareRate, "%", 80);
        if (!Double.isNaN(flowableRate)) {
          report.atLeast("2 peer engine", "product on the standalone broker / product on Flowable, deals/s",
              100.0 * rate / flowableRate, "%", 100);
        }
        report.add("1 standalone broker", "product: screening done to term-sheet task, p50", run.stage().percentile(50), "ms");
        report.add("1 standalone broker", "command to task in GET /api/v1/tasks, p99", run.visibility().percentile(99), "ms");
      }
    } finally {
      broker.stop();
    }
  }

  /**
   * Scenario 2's peer: the same application, driven the same way, with Flowable's embedded engine
   * in place of Zeebe (src/flowable/java): the same workers and services write the same rows, in
   * a database of its own; Flowable's tables are in another database on the same server.
   */
  private static double flowable(Report report, EmbeddedInfrastructure infra, Map<String, String> embedded, int deals,
      int inFlight, Path out, double zeebeRate) throws Exception {
    Map<String, String> properties = new HashMap<>(embedded);
    properties.putAll(infra.propertiesWithDatabase("ttdesk_flowable"));
    infra.propertiesWithDatabase("flowable");
    properties.put("ttdesk.bench.flowable.jdbc-url", infra.jdbcUrl("flowable"));
    properties.put("spring.main.sources", "io.ttdesk.bench.flowable.FlowableDesk");
    properties.put("camunda.client.worker.defaults.enabled", "false");
    try (ChildApplication app = ChildApplication.start(properties, List.of("-Xmx512m"),
        out.resolve("application-flowable.log"));
        Seed seed = new Seed(infra.jdbcUrl("ttdesk_flowable"))) {
      ProductRun product = new ProductRun(app.port());
      product.run(Math.max(deals / 10, 10), inFlight);
      long jobsBefore = jobs(seed);
      Cpu cpuBefore = Cpu.of(app);
      ProductRun.Result run = product.run(deals, inFlight);
      Cpu cpu = Cpu.of(app).minus(cpuBefore);
      double rate = run.deals() / run.seconds();
      report.add("2 peer engine", "Flowable " + FLOWABLE + ", the same application: deals/s", rate, "deals/s");
      report.add("2 peer engine", "Flowable: jobs/s", (jobs(seed) - jobsBefore) / run.seconds(), "jobs/s");
      report.add("2 peer engine", "Flowable: commands answered 409 and tried again", run.conflicts(), "requests");
      report.atLeast("2 peer engine", "product on the in-memory engine / product on Flowable, deals/s",
          100.0 * zeebeRate / rate, "%", 100);
      report.add("2 peer engine", "Flowable: screening done to term-sheet task, p50", run.stage().percentile(50), "ms");
      report.add("2 peer engine", "Flowable: screening done to term-sheet task, p99", run.stage().percentile(99), "ms");
      cpu.report(report, "2 peer engine", "Flowable", deals);
      rowsPerDeal(report, "2 peer engine", "Flowable", seed);
      return rate;
    }
  }

  /** The same rows written: trail events and ledger lines per deal (warm-up deals included). */
  private static void rowsPerDeal(Report report, String scenario, String run, Seed seed) throws Exception {
    double deals = seed.count("SELECT COUNT(*) FROM deal");
    report.add(scenario, run + ": trail events per deal", seed.count("SELECT COUNT(*) FROM history_event") / deals,
        "rows");
    report.add(scenario, run + ": ledger lines per deal", seed.count("SELECT COUNT(*) FROM ledger_line") / deals,
        "rows");
  }

  /**
   * CPU time used by the application, by MariaDB, and by this JVM (the in-memory engine and the
   * driver), read from /proc: on 2 shared cores, where the time of a deal goes.
   */
  private record Cpu(double application, double database, double benchmark) {
    static Cpu of(ChildApplication app) {
      return new Cpu(seconds(app.process().pid()), seconds(databasePid()), seconds(ProcessHandle.current().pid()));
    }

    Cpu minus(Cpu before) {
      return new Cpu(application - before.application, database - before.database, benchmark - before.benchmark);
    }

    void report(Report report, String scenario, String run, int deals) {
      report.add(scenario, run + ": CPU per deal, application", 1000 * application / deals, "ms");
      report.add(scenario, run + ": CPU per deal, MariaDB", 1000 * database / deals, "ms");
      report.add(scenario, run + ": CPU per deal, benchmark JVM (in-memory engine, driver)", 1000 * benchmark / deals,
          "ms");
    }

    /** User and system time, fields 14 and 15 of /proc/<pid>/stat, in ticks of 1/100 s. */
    private static double seconds(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
      } catch (java.io.IOException | RuntimeException e) {
        return Double.NaN;
      }
    }
  }

  /**
   * For each task the driver saw, the time from the engine's record of its job's creation (the
   * in-memory engine keeps every record) to the moment the task list answered with it.
   */
  private static Figures sinceJobCreated(EmbeddedInfrastructure infra, List<ProductRun.Seen> seen) {
    Map<Long, Long> created = new HashMap<>();
    for (Record<?> r : infra.engine().getRecordStreamSource().getRecords()) {
      if (r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.CREATED) {
        created.put(r.getKey(), r.getTimestamp());
      }
    }
    Figures f = new Figures();
    seen.forEach(s -> {
      Long at = created.get(s.taskId());
      if (at != null) {
        f.add(s.atMillis() - at);
      }
    });
    return f;
  }

  /** Arguments as --name=value. */
  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String a : args) {
      String[] kv = a.replaceFirst("^--", "").split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    return options;
  }

  /** Jobs the product handled: worker jobs recorded once each, and completed user tasks. */
  private static long jobs(Seed seed) throws Exception {
    return seed.count("SELECT COUNT(*) FROM processed_job") + seed.count("SELECT COUNT(*) FROM task WHERE state = 'COMPLETED'");
  }

  private static void trail(Report report, ProductRun product, Seed seed, int events) throws Exception {
    JsonNode deals = product.send("GET", "/deals?centre=SHA", null);
    String template = deals.get(0).get("id").asText();
    String big = seed.deals(template, "SHA", 1, "BENCH-TRAIL-").getFirst();
    seed.trail(big, events);
    Figures one = new Figures();
    for (int i = 0; i < 4; i++) {
      long t = System.nanoTime();
      JsonNode v = product.send("GET", "/deals/" + big + "/trail/verification", null, "auditor");
      if (!v.get("intact").asBoolean()) {
        throw new IllegalStateException("seeded trail does not verify: " + v);
      }
      if (i > 0) {
        one.addNanos(System.nanoTime() - t);
      }
    }
    report.atLeast("6 trail verification", "one deal of " + events + " events", events / (one.percentile(50) / 1000),
        "events/s", 200_000);
    // A whole centre of shorter trails, all checked by one request: 100 events per deal.
    for (String id : seed.deals(template, "BER", events / 100, "BENCH-CENTRE-")) {
      seed.trail(id, 100);
    }
    Figures centre = new Figures();
    long total = 0;
    for (int i = 0; i < 4; i++) {
      long t = System.nanoTime();
      JsonNode v = product.send("GET", "/centres/BER/trail/verification", null, "auditor");
      if (!v.get("broken").isEmpty()) {
        throw new IllegalStateException("seeded trails do not verify: " + v.get("broken").get(0));
      }
      total = v.get("events").asLong();
      if (i > 0) {
        centre.addNanos(System.nanoTime() - t);
      }
    }
    report.atLeast("6 trail verification", "whole centre, one request: " + events / 100 + " deals, " + total + " events",
        total / (centre.percentile(50) / 1000), "events/s", 200_000);
  }

  /** 20 centres, 500 brokers, open and completed tasks at the given share of 100,000 and 1,000,000. */
  private static void taskList(Report report, ProductRun product, Seed seed, double scale) throws Exception {
    int centres = 20;
    int brokersPerCentre = 25;
    int open = (int) (100_000 * scale);
    int completed = (int) (1_000_000 * scale);
    String template = product.send("GET", "/deals?centre=SHA", null).get(0).get("id").asText();
    seed.centresAndBrokers(centres, brokersPerCentre);
    List<List<String>> deals = new ArrayList<>();
    for (int c = 0; c < centres; c++) {
      deals.add(seed.deals(template, Seed.centre(c), Math.max(open / centres / 5, 1), "BENCH-" + c + "-"));
    }
    long t = System.nanoTime();
    seed.tasks(deals, brokersPerCentre, open, completed, 9_000_000_000_000_000L);
    seed.analyze("task", "deal");
    report.add("4 task list", "seeded " + open + " open and " + completed + " completed tasks",
        (System.nanoTime() - t) / 1e9, "s");
    Random random = new Random(7);
    Map<String, String> queries = new java.util.LinkedHashMap<>();
    for (String view : List.of("ALL", "MINE", "GROUPS", "UNASSIGNED", "OVERDUE", "WEEK")) {
      queries.put("view " + view, "/tasks?filter=" + view);
    }
    queries.put("stage EXECUTION", "/tasks?stage=EXECUTION");
    queries.put("centre", "/tasks?centre=%s");
    queries.put("priority order", "/tasks?sort=PRIORITY");
    queries.put("newest first, page 3", "/tasks?sort=CREATED&page=3");
    for (Map.Entry<String, String> q : queries.entrySet()) {
      Figures f = new Figures();
      for (int i = 0; i < 120; i++) {
        int c = random.nextInt(centres);
        String broker = Seed.broker(c, random.nextInt(brokersPerCentre));
        String path = q.getValue().formatted(Seed.centre(c));
        long s = System.nanoTime();
        product.send("GET", path, null, broker);
        if (i >= 20) {
          f.addNanos(System.nanoTime() - s);
        }
      }
      report.atMost("4 task list", "broker's " + q.getKey() + " (first 100), p95", f.percentile(95), "ms", 50);
    }
  }

  /** The application as the benchmark runs it: no demo deals, no docket check, quiet logs. */
  private static Map<String, String> applicationProperties(EmbeddedInfrastructure infra, Path out) {
    Map<String, String> properties = new HashMap<>(infra.properties());
    properties.put("ttdesk.demo.deals", "false");
    properties.put("ttdesk.docket.check-cron", "-");
    properties.put("ttdesk.files.dir", out.resolve("files").toString());
    properties.put("logging.level.root", "WARN");
    return properties;
  }

  /** Scenario 5 alone, to follow how the dashboard's cost grows with the deals. */
  private static void pipelineOnly(Report report, EmbeddedInfrastructure infra, Path out, Map<String, String> options)
      throws Exception {
    try (ChildApplication app = ChildApplication.start(applicationProperties(infra, out), List.of("-Xmx512m"),
        out.resolve("application.log")); Seed seed = new Seed(infra.jdbcUrl())) {
      ProductRun product = new ProductRun(app.port());
      product.run(10, 4);
      seed.centresAndBrokers(20, 1);
      pipeline(report, product, seed, Double.parseDouble(options.getOrDefault("pipeline-scale", "0.1")),
          Integer.parseInt(options.getOrDefault("pipeline-repeats", "12")));
    }
    report.write(out);
    infra.stop();
    System.exit(0);
  }

  /** 1,000,000 deals (times the scale) with 10 trail events each, over 20 centres: the managers' dashboard. */
  private static void pipeline(Report report, ProductRun product, Seed seed, double scale, int repeats)
      throws Exception {
    int deals = (int) (1_000_000 * scale);
    String template = product.send("GET", "/deals?centre=SHA", null).get(0).get("id").asText();
    long t = System.nanoTime();
    seed.pipeline(template, 20, deals);
    seed.analyze("deal", "pipeline_deal", "pipeline_stage_visit", "pipeline_stage_time", "pipeline_day_count", "pipeline_month_time", "pipeline_activity_count", "history_event");
    report.add("5 pipeline", "seeded " + deals + " deals, " + seed.count("SELECT COUNT(*) FROM history_event")
        + " trail events", (System.nanoTime() - t) / 1e9, "s");
    Map<String, String> queries = new java.util.LinkedHashMap<>();
    queries.put("whole dashboard, 20 centres, last 12 months", "/pipeline");
    queries.put("whole dashboard, one centre", "/pipeline?centre=B3");
    queries.put("whole dashboard, 20 centres, two years", "/pipeline?from=" + java.time.LocalDate.now().minusYears(2));
    // Each section alone, as its CSV download computes it: what a dashboard loading its panels one by one would wait.
    for (io.ttdesk.pipeline.Sections.Section s : io.ttdesk.pipeline.Sections.Section.values()) {
      queries.put("section " + s.slug() + " (CSV), 20 centres, last 12 months", "/pipeline/" + s.slug() + ".csv");
    }
    // Every query once before any is timed, so the first one timed does not pay for the warm-up of all.
    for (String path : queries.values()) {
      product.send("GET", path, null, "bench-manager");
    }
    for (Map.Entry<String, String> q : queries.entrySet()) {
      Figures f = new Figures();
      for (int i = 0; i < repeats; i++) {
        long s = System.nanoTime();
        product.send("GET", q.getValue(), null, "bench-manager");
        if (i >= 2) {
          f.addNanos(System.nanoTime() - s);
        }
      }
      report.atMost("5 pipeline", q.getKey() + ", p95", f.percentile(95), "ms", 300);
    }
  }

  /** The embedded MariaDB is a child process of this JVM. */
  private static long databaseResidentMib() {
    return ChildApplication.Resident.mib(databasePid());
  }

  private static long databasePid() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst().orElse(0);
  }
}
