package io.ttdesk.pipeline.web;

import io.ttdesk.pipeline.Pipeline;
import io.ttdesk.pipeline.PipelineFilters;
import io.ttdesk.pipeline.Sections;
import io.ttdesk.security.DeskUser;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pipeline figures of the manager's centres, whole or one section as CSV. */
@RestController
@PreAuthorize("hasAnyRole('MANAGER','ADMIN')")
class PipelineController {

  private final Pipeline pipeline;
  private final PipelineFilters filters;

  PipelineController(Pipeline pipeline, PipelineFilters filters) {
    this.pipeline = pipeline;
    this.filters = filters;
  }

  @GetMapping("/api/v1/pipeline")
  Pipeline.Report report(@RequestParam(required = false) List<String> centre,
      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) Integer stalledDays, @RequestParam(required = false) String currency,
      @AuthenticationPrincipal DeskUser user) {
    return pipeline.report(filters.resolve(user, centre, from, to, stalledDays, currency), Pipeline.PAGE_ROWS);
  }

  /** Also under /desk, so the dashboard's links download with the page's signed-in session. */
  @GetMapping({"/api/v1/pipeline/{section}.csv", "/desk/pipeline/{section}.csv"})
  ResponseEntity<String> csv(@PathVariable String section, @RequestParam(required = false) List<String> centre,
      @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) Integer stalledDays, @RequestParam(required = false) String currency,
      @AuthenticationPrincipal DeskUser user) {
    Sections.Section s = Sections.named(section);
    return Sections.download(s, pipeline.report(filters.resolve(user, centre, from, to, stalledDays, currency),
        Pipeline.DOWNLOAD_ROWS, EnumSet.of(s)));
  }
}
