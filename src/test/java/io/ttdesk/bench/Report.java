package io.ttdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: printed as a table, and written as Markdown and JSON. */
final class Report {

  record Row(String scenario, String figure, double value, String unit, String target, Boolean met) {}

  private final Map<String, Object> machine = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();

  Report() {
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  void setting(String name, Object value) {
    machine.put(name, value);
  }

  void add(String scenario, String figure, double value, String unit) {
    add(scenario, figure, value, unit, "", null);
  }

  /** A figure with a target: at most (or at least, for throughput) the given bound. */
  void atMost(String scenario, String figure, double value, String unit, double bound) {
    add(scenario, figure, value, unit, "<= " + format(bound), value <= bound);
  }

  void atLeast(String scenario, String figure, double value, String unit, double bound) {
    add(scenario, figure, value, unit, ">= " + format(bound), value >= bound);
  }

  private void add(String scenario, String figure, double value, String unit, String target, Boolean met) {
    Row row = new Row(scenario, figure, value, unit, target, met);
    rows.add(row);
    System.out.println(line(row));
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder md = new StringBuilder("| Scenario | Figure | Value | Unit | Target | Met |\n|---|---|---:|---|---|---|\n");
    rows.forEach(r -> md.append(line(r)).append('\n'));
    md.append("\nMachine: ").append(machine).append('\n');
    Files.writeString(dir.resolve("results.md"), md);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("results.json").toFile(), Map.of("machine", machine, "rows", rows));
    System.out.println("\n" + md);
  }

  private static String line(Row r) {
    return "| " + r.scenario() + " | " + r.figure() + " | " + format(r.value()) + " | " + r.unit() + " | " + r.target()
        + " | " + (r.met() == null ? "" : r.met() ? "yes" : "NO") + " |";
  }

  private static String format(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
