package io.ttdesk.casefile.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Inventor;
import io.ttdesk.deal.Outcome;
import io.ttdesk.deal.PriorDisclosure;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.History;
import io.ttdesk.ipcheck.IpCheckService;
import io.ttdesk.licensing.CounterpartyResponse;
import io.ttdesk.licensing.LicensingService;
import io.ttdesk.licensing.ScheduledPayment;
import io.ttdesk.licensing.TermSheet;
import io.ttdesk.revenue.Payment;
import io.ttdesk.revenue.RevenueService;
import io.ttdesk.security.DeskUser;
import io.ttdesk.tasks.TaskService;
import io.ttdesk.tasks.TaskView;
import io.ttdesk.valuation.Rating;
import io.ttdesk.valuation.ValuationChoice;
import io.ttdesk.valuation.ValuationView;
import io.ttdesk.valuation.ValuationService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The whole case in one read: the deal and what every module stored about it. */
@RestController
@RequestMapping("/api/v1/deals/{id}")
class CaseFileController {

  private final DealService deals;
  private final ValuationService valuations;
  private final IpCheckService ipChecks;
  private final LicensingService licensing;
  private final RevenueService revenue;
  private final TaskService tasks;
  private final History history;
  private final ObjectMapper json;

  CaseFileController(DealService deals, ValuationService valuations, IpCheckService ipChecks,
      LicensingService licensing, RevenueService revenue, TaskService tasks, History history, ObjectMapper json) {
    this.deals = deals;
    this.valuations = valuations;
    this.ipChecks = ipChecks;
    this.licensing = licensing;
    this.revenue = revenue;
    this.tasks = tasks;
    this.history = history;
    this.json = json;
  }

  record Check(String kind, String result, String listVersion, BigDecimal score, JsonNode evidence, Instant checkedAt) {}

  record CaseFile(String id, String reference, String title, @JsonProperty("abstract") String abstractText, String centre, Stage stage,
      Deal.Status status, Outcome outcome, boolean withdrawalRequested, String ownerInstitution, String ownerCountry,
      String targetCountry, boolean crossBorder, String licenseeName, String licenseeCountry, int technologyReadinessLevel,
      String technologyField, Deal.Valuation valuationInputs, BigDecimal patentCosts, List<Inventor> inventors,
      List<PriorDisclosure> priorDisclosures, List<ValuationView> valuations, Rating rating, List<Check> ipChecks,
      List<TermSheet> termSheets, List<CounterpartyResponse> counterpartyResponses, List<ScheduledPayment> schedule,
      List<Payment> payments, List<TaskView> tasks, Long processInstanceKey, String createdBy, Instant createdAt,
      Instant updatedAt, Instant closedAt) {}

  /** An event with its place in the deal's hash chain, the previous event's hash and its own. */
  record Event(long id, Integer seq, Instant occurredAt, String actor, String actorKind, String actorRole, String type,
      String summary, JsonNode data, String prevHash, String hash) {}

  @GetMapping
  CaseFile get(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    Deal d = deals.visible(id, user);
    Long chosen = valuations.choice(id).map(ValuationChoice::getValuationId).orElse(null);
    return new CaseFile(d.getId(), d.getReference(), d.getTitle(), d.getAbstractText(), d.getCentre(), d.getStage(),
        d.getStatus(), d.getOutcome(), d.isWithdrawalRequested(), d.getOwnerInstitution(), d.getOwnerCountry(),
        d.getTargetCountry(), d.isCrossBorder(), d.getLicenseeName(), d.getLicenseeCountry(), d.getTrl(),
        d.getTechnologyField(), d.valuationInputs(), d.getPatentCosts(), d.getInventors(), d.getPriorDisclosures(),
        valuations.of(id).stream().map(v -> ValuationView.of(v, chosen, json)).toList(), valuations.rating(id).orElse(null),
        ipChecks.of(id).stream().map(c -> new Check(c.getKind().name(), c.getResult(), c.getListVersion(), c.getScore(),
            parse(c.getEvidence()), c.getCheckedAt())).toList(),
        licensing.termSheets(id), licensing.responses(id), licensing.schedule(id), revenue.payments(id),
        tasks.ofDeal(id), d.getProcessInstanceKey(), d.getCreatedBy(), d.getCreatedAt(), d.getUpdatedAt(),
        d.getClosedAt());
  }

  @GetMapping("/history")
  @PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
  List<Event> history(@PathVariable String id, @AuthenticationPrincipal DeskUser user) {
    deals.visible(id, user);
    return history.of(id).stream().map(e -> new Event(e.getId(), e.getSeq(), e.getOccurredAt(), e.getActor(),
        e.getActorKind().name(), e.getActorRole(), e.getType(), e.getSummary(), parse(e.getData()), e.getPrevHash(),
        e.getHash()))
        .toList();
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (Exception e) {
      return json.getNodeFactory().textNode(text);
    }
  }
}
