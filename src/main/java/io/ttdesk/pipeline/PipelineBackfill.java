package io.ttdesk.pipeline;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Once after an upgrade: builds the pipeline rows of deals whose trail was written before they existed. */
@Component
class PipelineBackfill {

  private static final Logger log = LoggerFactory.getLogger(PipelineBackfill.class);

  private final JdbcTemplate db;
  private final PipelineProjection projection;

  PipelineBackfill(JdbcTemplate db, PipelineProjection projection) {
    this.db = db;
    this.projection = projection;
  }

  @EventListener(ApplicationReadyEvent.class)
  void fill() {
    List<String> missing = db.queryForList("""
        SELECT d.id FROM deal d LEFT JOIN pipeline_deal p ON p.deal_id = d.id WHERE p.deal_id IS NULL""", String.class);
    int built = 0;
    for (String id : missing) {
      try {
        projection.build(id);
        built++;
      } catch (RuntimeException e) {
        // One deal's trail must not keep the application from starting; its next event builds its rows.
        log.warn("Pipeline rows of deal {} could not be built from its trail", id, e);
      }
    }
    if (!missing.isEmpty()) {
      log.info("Pipeline rows built from the trail of {} of {} deals", built, missing.size());
    }
  }
}
