package io.ttdesk.casefile.ui;

import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.deal.Stage;
import io.ttdesk.history.History;
import io.ttdesk.history.HistoryEvent;
import io.ttdesk.licensing.LicensingService;
import io.ttdesk.licensing.RoyaltyService;
import io.ttdesk.licensing.ScheduledPayment;
import io.ttdesk.notes.NoteService;
import io.ttdesk.process.Diagram;
import io.ttdesk.process.Diagram.Mark;
import io.ttdesk.process.JobOnce;
import io.ttdesk.revenue.LedgerLine;
import io.ttdesk.revenue.Payment;
import io.ttdesk.revenue.RevenueService;
import io.ttdesk.security.DeskUser;
import io.ttdesk.web.ui.Formats;
import io.ttdesk.tasks.Task;
import io.ttdesk.tasks.TaskService;
import io.ttdesk.tasks.TaskView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A deal on one page: its data, where its process stands (a picture), its timeline, terms and money. */
@Controller
@PreAuthorize("hasAnyRole('BROKER','MANAGER','AUDITOR','ADMIN')")
class DealPage {

  private final DealService deals;
  private final TaskService tasks;
  private final LicensingService licensing;
  private final RoyaltyService royalties;
  private final RevenueService revenue;
  private final History history;
  private final JobOnce jobs;
  private final Diagram diagram;
  private final NoteService notes;
  private final org.springframework.context.MessageSource messages;

  DealPage(DealService deals, TaskService tasks, LicensingService licensing, RoyaltyService royalties,
      RevenueService revenue, History history, JobOnce jobs, Diagram diagram, NoteService notes,
      org.springframework.context.MessageSource messages) {
    this.deals = deals;
    this.tasks = tasks;
    this.licensing = licensing;
    this.royalties = royalties;
    this.revenue = revenue;
    this.history = history;
    this.jobs = jobs;
    this.diagram = diagram;
    this.notes = notes;
    this.messages = messages;
  }

  /** A payment with the lines it was split into. */
  record PaymentLines(Payment payment, List<LedgerLine> lines) {}

  @GetMapping("/desk/deals/{id}")
  String deal(@PathVariable String id, @AuthenticationPrincipal DeskUser user, Model model) {
    Deal deal = deals.visible(id, user);
    List<TaskView> dealTasks = tasks.ofDeal(id);
    List<HistoryEvent> events = history.of(id);
    List<Payment> payments = revenue.payments(id);
    List<ScheduledPayment> schedule = licensing.schedule(id);
    List<RoyaltyService.PeriodStatus> periods = royalties.periods(id);
    model.addAttribute("deal", deal);
    java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    model.addAttribute("diagram", diagram.svg(marks(deal, dealTasks, events, payments, schedule, periods),
        deal.getReference(), (elementId, name) -> messages.getMessage("task." + elementId, null,
            messages.getMessage(Formats.key("diagram", name), null, name, locale), locale)));
    model.addAttribute("events", events.reversed());
    model.addAttribute("tasks", dealTasks);
    model.addAttribute("versions", licensing.versions(id).reversed());
    model.addAttribute("schedule", schedule);
    model.addAttribute("payments", payments.stream().map(p -> new PaymentLines(p, revenue.lines(p.getId()))).toList());
    model.addAttribute("periods", periods);
    model.addAttribute("notes", notes.notes(id));
    model.addAttribute("files", notes.files(id));
    return "deals/deal";
  }

  /**
   * Where the process stands, from what the case store knows: jobs that ran, tasks done or open,
   * and the messages the deal is waiting for in its stage.
   */
  private Map<String, Mark> marks(Deal deal, List<TaskView> dealTasks, List<HistoryEvent> events,
      List<Payment> payments, List<ScheduledPayment> schedule, List<RoyaltyService.PeriodStatus> periods) {
    Map<String, Mark> marks = new HashMap<>();
    marks.put("DisclosureReceived", Mark.DONE);
    jobs.elementsDone(deal.getId()).forEach(e -> marks.put(e, Mark.DONE));
    Set<String> happened = events.stream().map(HistoryEvent::getType).collect(Collectors.toSet());
    if (happened.contains("COUNTERPARTY_RESPONDED")) {
      marks.put("AwaitResponse", Mark.DONE);
      marks.put("CounterpartyResponded", Mark.DONE);
    }
    if (happened.contains("CONTRACT_SIGNED")) {
      marks.put("AwaitSignature", Mark.DONE);
    }
    if (happened.contains("ROYALTY_REPORTED")) {
      marks.put("AwaitRoyaltyReport", Mark.DONE);
    }
    Set<String> paid = payments.stream().map(Payment::getMilestone).collect(Collectors.toSet());
    paid.forEach(code -> marks.put(code.startsWith("R") ? "AwaitRoyaltyPayment" : "AwaitPayment", Mark.DONE));
    for (TaskView t : dealTasks) {
      if (t.state() == Task.State.COMPLETED) {
        marks.putIfAbsent(t.type(), Mark.DONE);
      }
    }
    if (deal.isOpen()) {
      if (deal.getStage() == Stage.NEGOTIATION) {
        marks.put("AwaitResponse", Mark.ACTIVE);
      }
      if (deal.getStage() == Stage.SIGNATURE) {
        marks.put("AwaitSignature", Mark.ACTIVE);
      }
      if (deal.getStage() == Stage.EXECUTION) {
        for (ScheduledPayment p : schedule) {
          if (!paid.contains(p.getCode())) {
            marks.put(p.getCode().startsWith("R") ? "AwaitRoyaltyPayment" : "AwaitPayment", Mark.ACTIVE);
          }
        }
        if (periods.stream().anyMatch(s -> s.report() == null)) {
          marks.put("AwaitRoyaltyReport", Mark.ACTIVE);
        }
      }
      dealTasks.stream().filter(t -> t.state() == Task.State.OPEN).forEach(t -> marks.put(t.type(), Mark.ACTIVE));
    }
    return marks;
  }
}
