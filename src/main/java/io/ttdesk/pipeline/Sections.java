package io.ttdesk.pipeline;

import io.ttdesk.common.CsvText;
import io.ttdesk.common.NotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The parts of the pipeline report that can be downloaded as CSV, by the name in their address. */
public final class Sections {

  private Sections() {}

  public enum Section {
    OPEN_STAGES(Pipeline.Count.class, Pipeline.Report::openByStage),
    STAGES(Pipeline.Count.class, Pipeline.Report::byStage),
    CENTRES(Pipeline.Count.class, Pipeline.Report::byCentre),
    COUNTRIES(Pipeline.Count.class, Pipeline.Report::byCountry),
    FIELDS(Pipeline.Count.class, Pipeline.Report::byField),
    FUNNEL(Pipeline.Step.class, Pipeline.Report::funnel),
    CYCLE_TIMES(Pipeline.Cycle.class, Pipeline.Report::cycleTimes),
    SIGNATURE_DISTRIBUTION(Pipeline.Bucket.class, Pipeline.Report::signatureDistribution),
    STALLED(Pipeline.Stalled.class, r -> r.stalled().rows()),
    OVERDUE_TASKS(Pipeline.OverdueTask.class, r -> r.overdueTasks().rows()),
    OVERDUE_PAYMENTS(Pipeline.OverduePayment.class, r -> r.overduePayments().rows()),
    WORKLOAD(Pipeline.Load.class, Pipeline.Report::workload),
    MONEY(Pipeline.MoneyRow.class, Pipeline.Report::money),
    DISTRIBUTED(Pipeline.Distributed.class, Pipeline.Report::distributed);

    private final Class<? extends Record> type;
    private final Function<Pipeline.Report, List<? extends Record>> rows;

    Section(Class<? extends Record> type, Function<Pipeline.Report, List<? extends Record>> rows) {
      this.type = type;
      this.rows = rows;
    }

    /** The name in the download's address, e.g. cycle-times. */
    public String slug() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  public static Section named(String slug) {
    return Arrays.stream(Section.values()).filter(s -> s.slug().equals(slug)).findFirst()
        .orElseThrow(() -> new NotFoundException("pipeline section", slug));
  }

  public static ResponseEntity<String> download(Section s, Pipeline.Report report) {
    Pipeline.Filter f = report.filter();
    String name = "pipeline-" + s.slug() + "-" + f.from() + "-" + f.to() + ".csv";
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(CsvText.of(s.type, s.rows.apply(report)));
  }
}
