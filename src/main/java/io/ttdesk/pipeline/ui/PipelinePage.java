package io.ttdesk.pipeline.ui;

import io.ttdesk.deal.Centres;
import io.ttdesk.pipeline.Pipeline;
import io.ttdesk.pipeline.PipelineFilters;
import io.ttdesk.pipeline.Sections;
import io.ttdesk.process.Incidents;
import io.ttdesk.security.DeskUser;
import io.ttdesk.security.Role;
import io.ttdesk.web.ui.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The manager's dashboard: charts where a picture helps, tables for the rest, each with its CSV. */
@Controller
@PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
class PipelinePage {

  /** One bar of a chart: a label (a message key or plain text), its figure as shown, its length in percent. */
  record Bar(String label, String text, int width, String series) {}

  private final Pipeline pipeline;
  private final PipelineFilters filters;
  private final Formats fmt;
  private final Incidents incidents;
  private final Centres centres;

  PipelinePage(Pipeline pipeline, PipelineFilters filters, Formats fmt, Incidents incidents, Centres centres) {
    this.centres = centres;
    this.pipeline = pipeline;
    this.filters = filters;
    this.fmt = fmt;
    this.incidents = incidents;
  }

  @GetMapping("/desk/pipeline")
  String page(@RequestParam(required = false) List<String> centre, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, @RequestParam(required = false) Integer stalledDays,
      @RequestParam(required = false) String currency, @AuthenticationPrincipal DeskUser user, Model model) {
    Pipeline.Filter f = filters.resolve(user, centre, from, to, stalledDays, currency);
    Pipeline.Report r = pipeline.report(f, Pipeline.PAGE_ROWS);
    model.addAttribute("r", r);
    model.addAttribute("f", f);
    model.addAttribute("granted", centres.grantedTo(user).values());
    model.addAttribute("sections", Sections.Section.values());
    model.addAttribute("funnelChart", bars(r.funnel().stream()
        .map(s -> new Row("funnel." + s.step(), BigDecimal.valueOf(s.deals()), s.deals()
            + (s.ofPrevious() == null ? "" : " (" + fmt.number(s.ofPrevious()) + "%)"), "a")).toList()));
    model.addAttribute("stageChart", bars(r.openByStage().stream()
        .map(c -> new Row("stage." + c.key(), BigDecimal.valueOf(c.deals()), String.valueOf(c.deals()), "a")).toList()));
    List<Row> cycles = new ArrayList<>();
    r.cycleTimes().stream().filter(c -> c.deals() > 0).forEach(c -> {
      String label = c.stage().startsWith("DISCLOSURE_") ? "cycle." + c.stage() : "stage." + c.stage();
      cycles.add(new Row(label, c.medianDays(), fmt.number(c.medianDays()), "a"));
      cycles.add(new Row("", c.p90Days(), fmt.number(c.p90Days()), "b"));
    });
    model.addAttribute("cycleChart", bars(cycles));
    model.addAttribute("distributionChart", bars(r.signatureDistribution().stream()
        .map(b -> new Row(b.label(), BigDecimal.valueOf(b.deals()), String.valueOf(b.deals()), "a")).toList()));
    model.addAttribute("moneyChart", bars(moneyByMonth(r, f.currency())));
    model.addAttribute("incidents", incidents.open(f.centres(), user.has(Role.ADMIN)));
    return "pipeline";
  }

  /** Sends a deal through a failed step again, once its cause is fixed. */
  @PostMapping("/desk/incidents/{jobKey}/retry")
  String retry(@PathVariable long jobKey, @AuthenticationPrincipal DeskUser user) {
    incidents.retry(jobKey, centres.grantedTo(user).keySet(), user.has(Role.ADMIN), user.username());
    return "redirect:/desk/pipeline#incidents";
  }

  private record Row(String label, BigDecimal value, String text, String series) {}

  /** Expected and received per month in the report's currency, from the months' converted sums. */
  private List<Row> moneyByMonth(Pipeline.Report r, String currency) {
    Map<String, BigDecimal[]> months = new TreeMap<>();
    for (Pipeline.MoneyRow m : r.money()) {
      BigDecimal[] a = months.computeIfAbsent(m.month(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      a[0] = m.expectedConverted() == null ? a[0] : a[0].add(m.expectedConverted());
      a[1] = m.receivedConverted() == null ? a[1] : a[1].add(m.receivedConverted());
    }
    List<Row> rows = new ArrayList<>();
    months.forEach((month, a) -> {
      rows.add(new Row(month, a[0], fmt.money(a[0], currency), "a"));
      rows.add(new Row("", a[1], fmt.money(a[1], currency), "b"));
    });
    return rows;
  }

  private static List<Bar> bars(List<Row> rows) {
    BigDecimal max = rows.stream().map(Row::value).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::max);
    return rows.stream().map(row -> new Bar(row.label(), row.text(), max.signum() == 0 || row.value() == null ? 0
        : row.value().multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue(),
        row.series())).toList();
  }
}
