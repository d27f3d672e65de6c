package io.ttdesk.process;

import io.ttdesk.process.DealProcess.Vars;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The diagram's files and the variables a deal's process starts with, for tests that play the workers. */
public final class TestDeals {

  private TestDeals() {}

  public static final String[] RESOURCES = {Path.of("bpmn/deal.bpmn").toString(),
      Path.of("bpmn/valuation-review.dmn").toString(), Path.of("bpmn/term-sheet-approval.dmn").toString()};

  /** Deploys the diagram and its decision tables. */
  public static void deploy(io.camunda.zeebe.client.ZeebeClient client) {
    var deploy = client.newDeployResourceCommand().addResourceFile(RESOURCES[0]);
    for (int i = 1; i < RESOURCES.length; i++) {
      deploy = deploy.addResourceFile(RESOURCES[i]);
    }
    deploy.send().join();
  }

  /** Waits until the engine has processed everything it was given. */
  public static void idle(io.camunda.zeebe.process.test.api.ZeebeTestEngine engine) {
    try {
      engine.waitForIdleState(java.time.Duration.ofSeconds(5));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** As the application starts a deal: two reminders a week apart, three negotiation rounds. */
  public static Map<String, Object> startVariables(String dealId, boolean crossBorder, int trl) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Vars.DEAL_ID, dealId);
    vars.put(Vars.CENTRE, "SHA");
    vars.put(Vars.CROSS_BORDER, crossBorder);
    vars.put(Vars.TRL, trl);
    vars.put(Vars.EXPORT_RESTRICTED, false);
    vars.put(Vars.REMINDER_INTERVAL, "P7D");
    vars.put(Vars.MAX_REMINDERS, 2);
    vars.put(Vars.MAX_NEGOTIATION_ROUNDS, 2);
    vars.put(Vars.NEGOTIATION_ROUND, 0);
    vars.put(Vars.REMINDER_COUNT, 0);
    return vars;
  }
}
