package io.ttdesk.recovery;

import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.history.Actor;
import io.ttdesk.ipcheck.DocketService;
import io.ttdesk.process.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, recreates the process instance of every open deal whose instance the engine no longer
 * has, where the deal stood. The local run's in-memory engine forgets everything when it stops;
 * a cluster that lost its data is recovered the same way. Runs before any demo data is made.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "ttdesk.engine.recreate-lost-instances", havingValue = "true")
class Recreation implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(Recreation.class);
  static final Actor RECREATION = Actor.worker("recreation");

  private final DealService deals;
  private final CaseReader reader;
  private final Engine engine;
  private final DocketService docket;

  Recreation(DealService deals, CaseReader reader, Engine engine, DocketService docket) {
    this.deals = deals;
    this.reader = reader;
    this.engine = engine;
    this.docket = docket;
  }

  @Override
  public void run(ApplicationArguments args) {
    int recreated = 0;
    int failed = 0;
    for (String dealId : deals.openDealIds()) {
      try {
        if (recreateIfLost(dealId)) {
          recreated++;
        }
      } catch (RuntimeException e) {
        failed++;
        log.error("Process of deal {} not recreated: {}", dealId, e.toString());
      }
    }
    if (recreated + failed > 0) {
      log.info("Recreated the process instances of {} open deals; {} failed", recreated, failed);
    }
  }

  boolean recreateIfLost(String dealId) {
    Deal deal = deals.byIds(java.util.List.of(dealId)).get(dealId);
    Long key = deal.getProcessInstanceKey();
    if (key != null && engine.hasInstance(key)) {
      return false;
    }
    Standing.Plan plan = reader.read(deal).plan();
    // Messages first: buffered, they meet the new instance as it starts, and a start that fails
    // after them publishes the same ones again, which the engine drops by their ids.
    plan.messages().forEach(m -> engine.publish(m.name(), m.correlationKey(), m.messageId(), m.variables()));
    long recreated = engine.recreateDeal(plan.variables(), plan.startBefore());
    try {
      deals.restarted(dealId, recreated, plan.startBefore(), RECREATION);
    } catch (RuntimeException e) {
      // Not recorded: without this the next start would make a second instance for the deal.
      engine.cancel(recreated);
      throw e;
    }
    docket.raiseUnattendedAgain(dealId);
    return true;
  }
}
