package io.ttdesk.ipcheck;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks at every open deal's docket once a day; "-" as the cron turns it off. */
@Component
class DocketWatch {

  private static final Logger log = LoggerFactory.getLogger(DocketWatch.class);

  private final DocketService docket;

  DocketWatch(DocketService docket) {
    this.docket = docket;
  }

  @Scheduled(cron = "${ttdesk.docket.check-cron:0 0 6 * * *}", zone = "UTC")
  void daily() {
    log.info("Docket check raised {} overdue-date tasks", docket.raiseOverdue());
  }
}
