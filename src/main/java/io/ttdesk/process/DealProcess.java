package io.ttdesk.process;

import java.util.List;

/**
 * The contract between bpmn/deal.bpmn and the code: process id, job types, messages,
 * variables and element ids. No other class spells these strings.
 */
public final class DealProcess {

  private DealProcess() {}

  public static final String PROCESS_ID = "deal";
  public static final String RESOURCES = "classpath*:/bpmn/*";
  /** The currency the decision tables' thresholds are stated in. */
  public static final String DECISION_CURRENCY = "USD";

  /** Job types of the service tasks and job-based end events. */
  public static final class Jobs {
    private Jobs() {}
    public static final String USER_TASK = "io.camunda.zeebe:userTask";
    public static final String VALUATION = "valuation-compute";
    public static final String PATENT_CHECK = "ipcheck-patent";
    public static final String SCREENING = "ipcheck-screening";
    public static final String SEND_OFFER = "licensing-send-offer";
    public static final String SEND_REMINDER = "licensing-send-reminder";
    public static final String ACTIVATE_CONTRACT = "contract-activate";
    public static final String ROYALTY_DUE = "royalty-due";
    public static final String SPLIT_REVENUE = "revenue-split";
    public static final String CLOSE = "deal-close";
    /** End listener of each business rule task: records what the decision table decided. */
    public static final String DECISION_RECORD = "decision-record";
  }

  /** The business rule tasks: the decision each calls, the variable it sets, and its inputs. */
  public enum Decision {
    VALUATION_REVIEW("DecideValuationReview", "valuation-review", "managerReviewRequired",
        List.of("valuationValue", "valuationValueUsd", "valuationUsdRate", "trl")),
    TERM_SHEET_APPROVAL("DecideTermSheetApproval", "term-sheet-approval", "approvalRequired",
        List.of("dealForm", "upfrontFee", "upfrontFeeUsd", "upfrontFeeUsdRate", "royaltyRate", "crossBorder"));

    public final String elementId;
    public final String decisionId;
    public final String resultVariable;
    public final List<String> inputs;

    Decision(String elementId, String decisionId, String resultVariable, List<String> inputs) {
      this.elementId = elementId;
      this.decisionId = decisionId;
      this.resultVariable = resultVariable;
      this.inputs = inputs;
    }

    public static Decision ofElement(String elementId) {
      for (Decision d : values()) {
        if (d.elementId.equals(elementId)) {
          return d;
        }
      }
      throw new IllegalArgumentException("no decision at element " + elementId);
    }
  }

  /** Header names on jobs. */
  public static final class Headers {
    private Headers() {}
    public static final String OUTCOME = "outcome";
    public static final String ASSIGNEE = "io.camunda.zeebe:assignee";
    public static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
    public static final String DUE_DATE = "io.camunda.zeebe:dueDate";
    public static final String FOLLOW_UP_DATE = "io.camunda.zeebe:followUpDate";
  }

  /** Message names; all correlate on the deal id, payments on deal id and milestone. */
  public static final class Messages {
    private Messages() {}
    public static final String COUNTERPARTY_RESPONSE = "counterparty-response";
    public static final String CONTRACT_SIGNED = "contract-signed";
    public static final String PAYMENT_RECEIVED = "payment-received";
    public static final String WITHDRAWN = "deal-withdrawn";
    /** Correlates on deal id and reporting period. */
    public static final String ROYALTY_REPORT = "royalty-report";
    public static final String DOCKET_DATE_OVERDUE = "docket-date-overdue";

    public static String paymentKey(String dealId, String milestone) {
      return dealId + ":" + milestone;
    }

    public static String periodKey(String dealId, String period) {
      return dealId + ":" + period;
    }

    /** Message ids: the engine drops a second publication of the same one while the first is buffered. */
    public static String paymentId(String paymentId) {
      return "payment:" + paymentId;
    }

    public static String reportId(String dealId, String period) {
      return "royalty-report:" + dealId + ":" + period;
    }

    public static String docketId(String dealId, String item) {
      return "docket:" + dealId + ":" + item;
    }

    public static String withdrawalId(String dealId) {
      return "withdrawal:" + dealId;
    }
  }

  public static final class Errors {
    private Errors() {}
    public static final String DEAL_BLOCKED = "DEAL_BLOCKED";
  }

  /** Process variables. */
  public static final class Vars {
    private Vars() {}
    public static final String DEAL_ID = "dealId";
    public static final String CENTRE = "centre";
    public static final String CROSS_BORDER = "crossBorder";
    public static final String TRL = "trl";
    public static final String SCREENING_DECISION = "screeningDecision";
    public static final String VALUATION_VALUE = "valuationValue";
    /** Decision tables compare amounts in USD; null when no rate to USD is stored. */
    public static final String VALUATION_VALUE_USD = "valuationValueUsd";
    /** The stored rate that made the USD amount (rate, date, source), for the record. */
    public static final String VALUATION_USD_RATE = "valuationUsdRate";
    public static final String VALUATION_DECISION = "valuationDecision";
    public static final String SCREENING_RESULT = "screeningResult";
    public static final String PATENT_POSITION = "patentPosition";
    public static final String OWNERSHIP_CLEAR = "ownershipClear";
    public static final String OWNERSHIP_DECISION = "ownershipDecision";
    public static final String HIT_DECISION = "hitDecision";
    /** True when the technology is on the exporting country's restricted list. */
    public static final String EXPORT_RESTRICTED = "exportRestricted";
    public static final String EXPORT_APPROVAL = "exportApproval";
    public static final String EXPORT_LICENCE = "exportLicence";
    public static final String DEAL_FORM = "dealForm";
    public static final String UPFRONT_FEE = "upfrontFee";
    public static final String UPFRONT_FEE_USD = "upfrontFeeUsd";
    public static final String UPFRONT_FEE_USD_RATE = "upfrontFeeUsdRate";
    public static final String ROYALTY_RATE = "royaltyRate";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String COUNTERPARTY_RESPONSE = "counterpartyResponse";
    public static final String NEGOTIATION_ROUND = "negotiationRound";
    public static final String MAX_NEGOTIATION_ROUNDS = "maxNegotiationRounds";
    public static final String REMINDER_INTERVAL = "reminderInterval";
    public static final String REMINDER_COUNT = "reminderCount";
    public static final String MAX_REMINDERS = "maxReminders";
    /** The payments the contract makes due, each {id, dueAt}; a royalty report adds one per period. */
    public static final String MILESTONES = "milestones";
    public static final String MILESTONE = "milestone";
    /** The reporting periods of a running royalty, each {id, reportDueAt}. */
    public static final String ROYALTY_PERIODS = "royaltyPeriods";
    public static final String PERIOD = "period";
    /** The overdue docket date a task is raised for: {id, dueOn, description}. */
    public static final String DOCKET_ITEM = "docketItem";
  }

  /** Element ids of the user tasks; each is one kind of task with its own form. */
  public static final class Tasks {
    private Tasks() {}
    public static final String SCREEN_DISCLOSURE = "ScreenDisclosure";
    public static final String REVIEW_VALUATION = "ReviewValuation";
    public static final String REVISE_VALUATION = "ReviseValuation";
    public static final String DECIDE_SCREENING_HIT = "DecideScreeningHit";
    public static final String PREPARE_TERM_SHEET = "PrepareTermSheet";
    public static final String APPROVE_TERM_SHEET = "ApproveTermSheet";
    public static final String CHASE_PAYMENT = "ChasePayment";
    public static final String OBTAIN_EXPORT_APPROVAL = "ObtainExportApproval";
    public static final String REVIEW_OWNERSHIP = "ReviewOwnership";
    public static final String OBTAIN_EXPORT_LICENCE = "ObtainExportLicence";
    public static final String CHASE_ROYALTY_REPORT = "ChaseRoyaltyReport";
    public static final String CHASE_ROYALTY_PAYMENT = "ChaseRoyaltyPayment";
    public static final String ATTEND_DOCKET_DATE = "AttendDocketDate";
  }

  /**
   * Elements a deal's process instance is recreated before when the engine has lost it: the
   * places a deal waits at, and the first step of each stage.
   */
  public static final class Elements {
    private Elements() {}
    public static final String PURSUE_DECISION = "PursueGateway";
    public static final String REVALUE = "ValuationMerge";
    public static final String COMPUTE_VALUATION = "ComputeValuation";
    public static final String DECIDE_VALUATION_REVIEW = "DecideValuationReview";
    public static final String REVIEW_DECISION = "ReviewDecisionGateway";
    public static final String OWNERSHIP_DECISION = "OwnershipDecisionGateway";
    public static final String HIT_DECISION = "HitDecisionGateway";
    public static final String EXPORT_APPROVAL_DECISION = "ExportApprovalDecision";
    public static final String APPROVAL_DECISION = "ApprovalDecisionGateway";
    public static final String RESPONSE_DECISION = "ResponseGateway";
    public static final String EXPORT_LICENCE_DECISION = "ExportLicenceDecision";
    public static final String CHECK_PATENT_POSITION = "CheckPatentPosition";
    public static final String OWNERSHIP_SETTLED = "OwnershipMerge";
    public static final String SCREEN_EXPORT_CONTROL = "ScreenExportControl";
    public static final String SCREENING_SETTLED = "ScreeningMerge";
    public static final String TERM_SHEET = "TermSheetMerge";
    public static final String DECIDE_TERM_SHEET_APPROVAL = "DecideTermSheetApproval";
    public static final String OFFER = "OfferMerge";
    public static final String AWAIT_RESPONSE = "ResponseWaitMerge";
    public static final String SIGNATURE = "SignatureMerge";
    public static final String ACTIVATE_CONTRACT = "ActivateContract";
    public static final String COLLECT_PAYMENTS = "CollectPayments";
    public static final String ROYALTY_PERIODS = "RoyaltyPeriods";
    /** User tasks inside the IP check subprocess, whose two branches are recreated together. */
    public static final List<String> IP_CHECK_TASKS = List.of(Tasks.REVIEW_OWNERSHIP, Tasks.DECIDE_SCREENING_HIT);
    /**
     * User tasks that are not recreated directly: inside a multi-instance or event subprocess,
     * they come back through their timer or message.
     */
    public static final List<String> NESTED_TASKS = List.of(Tasks.CHASE_PAYMENT, Tasks.CHASE_ROYALTY_REPORT,
        Tasks.CHASE_ROYALTY_PAYMENT, Tasks.ATTEND_DOCKET_DATE);
  }

  /** Candidate groups are "brokers:CENTRE" and "managers:CENTRE" (see the diagram). */
  public static String brokersOf(String centre) {
    return "brokers:" + centre;
  }

  public static String managersOf(String centre) {
    return "managers:" + centre;
  }
}
