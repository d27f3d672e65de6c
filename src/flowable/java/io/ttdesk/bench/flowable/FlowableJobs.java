package io.ttdesk.bench.flowable;

import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.deal.CloseWorker;
import io.ttdesk.deal.DecisionWorker;
import io.ttdesk.ipcheck.IpCheckWorkers;
import io.ttdesk.licensing.LicensingWorkers;
import io.ttdesk.process.DealProcess.Decision;
import io.ttdesk.process.DealProcess.Headers;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.revenue.SplitWorker;
import io.ttdesk.valuation.ValuationWorker;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.persistence.cache.EntityCache;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.flowable.job.service.impl.persistence.entity.JobEntityImpl;
import org.springframework.context.ApplicationContext;

/**
 * The diagram's service tasks on Flowable: each is asynchronous (a job on Flowable's executor, as
 * a Zeebe job goes to a worker) and calls the same worker method the Zeebe job would, with the
 * same variables, so the same rows are written and recorded once per job. Beans are looked up at
 * the first job, after the application has started.
 */
public class FlowableJobs {

  private final ApplicationContext context;

  public FlowableJobs(ApplicationContext context) {
    this.context = context;
  }

  /** A service task or closing event of the given job type; outcome for {@code deal-close} only. */
  public void run(DelegateExecution execution, String type, String outcome) {
    String dealId = (String) execution.getVariable(Vars.DEAL_ID);
    ActivatedJob job = job(execution, type, execution.getCurrentActivityId(),
        outcome == null ? Map.of() : Map.of(Headers.OUTCOME, outcome));
    Map<String, Object> result = switch (type) {
      case Jobs.VALUATION -> context.getBean(ValuationWorker.class).compute(job, dealId);
      case Jobs.PATENT_CHECK -> context.getBean(IpCheckWorkers.class).patent(job, dealId);
      case Jobs.SCREENING -> context.getBean(IpCheckWorkers.class).screening(job, dealId);
      case Jobs.SEND_OFFER -> context.getBean(LicensingWorkers.class).sendOffer(job, dealId);
      case Jobs.SEND_REMINDER -> context.getBean(LicensingWorkers.class).sendReminder(job, dealId,
          (Integer) execution.getVariable(Vars.REMINDER_COUNT));
      case Jobs.ACTIVATE_CONTRACT -> context.getBean(LicensingWorkers.class).activate(job, dealId,
          (String) execution.getVariable("signedOn"));
      case Jobs.ROYALTY_DUE -> context.getBean(LicensingWorkers.class).royaltyDue(job, dealId, map(execution, Vars.PERIOD));
      case Jobs.SPLIT_REVENUE -> context.getBean(SplitWorker.class).split(job, dealId, map(execution, Vars.MILESTONE));
      case Jobs.CLOSE -> context.getBean(CloseWorker.class).close(job, dealId);
      default -> throw new IllegalArgumentException("no worker for " + type);
    };
    execution.setVariables(result);
  }

  /**
   * A business rule task: the decision table's rules, evaluated in the engine as Zeebe evaluates
   * its DMN, then the {@code decision-record} job that Zeebe runs as the task's end listener.
   */
  public void decide(DelegateExecution execution, String elementId) {
    Decision decision = Decision.ofElement(elementId);
    execution.setVariable(decision.resultVariable, switch (decision) {
      case VALUATION_REVIEW -> valuationReview(execution);
      case TERM_SHEET_APPROVAL -> termSheetApproval(execution);
    });
    context.getBean(DecisionWorker.class).record(job(execution, Jobs.DECISION_RECORD, elementId, Map.of()));
  }

  /** bpmn/valuation-review.dmn: no USD value, 1,000,000 USD or more, or TRL 3 or less. */
  private static boolean valuationReview(DelegateExecution e) {
    BigDecimal usd = number(e.getVariable(Vars.VALUATION_VALUE_USD));
    Object trl = e.getVariable(Vars.TRL);
    return usd == null || usd.compareTo(BigDecimal.valueOf(1_000_000)) >= 0
        || (trl != null && number(trl).compareTo(BigDecimal.valueOf(3)) <= 0);
  }

  /** bpmn/term-sheet-approval.dmn, its rules in order. */
  private static boolean termSheetApproval(DelegateExecution e) {
    Object form = e.getVariable(Vars.DEAL_FORM);
    BigDecimal usd = number(e.getVariable(Vars.UPFRONT_FEE_USD));
    BigDecimal royalty = number(e.getVariable(Vars.ROYALTY_RATE));
    return List.of("ASSIGNMENT", "EQUITY", "EXCLUSIVE_LICENCE").contains(form)
        || Boolean.TRUE.equals(e.getVariable(Vars.CROSS_BORDER))
        || usd == null || usd.compareTo(BigDecimal.valueOf(250_000)) >= 0
        || (royalty != null && royalty.compareTo(BigDecimal.valueOf(2)) < 0);
  }

  private static BigDecimal number(Object value) {
    return value == null ? null : new BigDecimal(value.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(DelegateExecution execution, String name) {
    return (Map<String, Object>) execution.getVariable(name);
  }

  /**
   * The job as the worker methods read it: Flowable's job id is the key the product records the
   * job under, and its retries count down as Zeebe's do.
   */
  private static ActivatedJob job(DelegateExecution execution, String type, String elementId,
      Map<String, String> headers) {
    JobEntity running = running(execution);
    String[] definition = execution.getProcessDefinitionId().split(":");
    return (ActivatedJob) Proxy.newProxyInstance(FlowableJobs.class.getClassLoader(), new Class<?>[] {ActivatedJob.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getKey" -> Long.parseLong(running.getId());
          case "getType" -> type;
          case "getElementId" -> elementId;
          case "getRetries" -> running.getRetries();
          case "getProcessInstanceKey" -> Long.parseLong(execution.getProcessInstanceId());
          case "getElementInstanceKey" -> Long.parseLong(execution.getId());
          case "getProcessDefinitionVersion" -> Integer.parseInt(definition[1]);
          case "getBpmnProcessId" -> definition[0];
          case "getCustomHeaders" -> headers;
          case "getVariablesAsMap" -> new HashMap<>(execution.getVariables());
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "job " + running.getId() + " (" + type + ")";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  /** The job being executed: Flowable loaded it into this command's cache before running the task. */
  private static JobEntity running(DelegateExecution execution) {
    EntityCache cache = Context.getCommandContext().getSession(EntityCache.class);
    return cache.findInCache(JobEntityImpl.class).stream()
        .filter(j -> execution.getId().equals(j.getExecutionId()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("service task " + execution.getCurrentActivityId()
            + " is not asynchronous"));
  }
}
