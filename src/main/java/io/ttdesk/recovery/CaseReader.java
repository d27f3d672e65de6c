package io.ttdesk.recovery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.process.DealProcess.Elements;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Vars;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads where an open deal stands from the case store: its tasks, handled jobs, trail and money. */
@Component
class CaseReader {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  /** Jobs whose results belong to one payment or period, not to the deal. */
  private static final Set<String> SCOPED_JOBS = Set.of(Jobs.ROYALTY_DUE, Jobs.SPLIT_REVENUE, Jobs.CLOSE,
      Jobs.DECISION_RECORD);

  private final JdbcTemplate jdbc;
  private final DealService deals;
  private final ObjectMapper json;

  CaseReader(JdbcTemplate jdbc, DealService deals, ObjectMapper json) {
    this.jdbc = jdbc;
    this.deals = deals;
    this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  private record Change(Instant at, String step, Map<String, Object> variables) {}

  private record TaskRow(long id, String elementId, String subject, String state) {}

  @Transactional(readOnly = true)
  public Standing read(Deal deal) {
    String dealId = deal.getId();
    Map<Long, TaskRow> tasks = new LinkedHashMap<>();
    jdbc.query("SELECT id, element_id, subject, state FROM task WHERE deal_id = ? ORDER BY id", rs -> {
      tasks.put(rs.getLong(1), new TaskRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }, dealId);

    List<Change> changes = new ArrayList<>();
    Map<String, Object> activation = new HashMap<>();
    jdbc.query("SELECT job_type, result, processed_at FROM processed_job WHERE deal_id = ? ORDER BY processed_at, job_key",
        rs -> {
          Map<String, Object> result = parse(rs.getString(2));
          if (rs.getString(1).equals(Jobs.ACTIVATE_CONTRACT)) {
            activation.putAll(result);
          }
          if (!SCOPED_JOBS.contains(rs.getString(1))) {
            String step = rs.getString(1).equals(Jobs.VALUATION) ? Elements.COMPUTE_VALUATION : null;
            changes.add(new Change(instant(rs.getTimestamp(3)), step, result));
          }
        }, dealId);
    Set<String> chased = new HashSet<>();
    jdbc.query("SELECT type, data, occurred_at FROM history_event WHERE deal_id = ? AND type IN "
        + "('TASK_COMPLETED', 'COUNTERPARTY_RESPONDED', 'CONTRACT_SIGNED') ORDER BY id", rs -> {
          Map<String, Object> data = parse(rs.getString(2));
          Instant at = instant(rs.getTimestamp(3));
          if (rs.getString(1).equals("CONTRACT_SIGNED")) {
            // The contract's activation reads the day of signature, which came with the message.
            changes.add(new Change(at, null, Map.of("signedOn", String.valueOf(data.get("signedOn")))));
            return;
          }
          if (rs.getString(1).equals("COUNTERPARTY_RESPONDED")) {
            Map<String, Object> vars = new HashMap<>();
            vars.put(Vars.COUNTERPARTY_RESPONSE, data.get("response"));
            vars.put(Vars.NEGOTIATION_ROUND, data.get("round"));
            changes.add(new Change(at, Standing.RESPONSE, vars));
            return;
          }
          TaskRow task = tasks.get(((Number) data.get("taskId")).longValue());
          if (Elements.NESTED_TASKS.contains(task.elementId())) {
            chased.add(task.subject());
            return;
          }
          data.remove("taskId");
          data.remove("form");
          changes.add(new Change(at, task.elementId(), data));
        }, dealId);
    changes.sort(Comparator.comparing(Change::at));
    Map<String, Object> variables = new LinkedHashMap<>(deals.startVariables(deal));
    List<String> steps = new ArrayList<>();
    for (Change c : changes) {
      variables.putAll(c.variables());
      if (c.step() != null) {
        steps.add(c.step());
      }
    }

    Map<String, Standing.Payment> payments = new HashMap<>();
    jdbc.query("SELECT p.milestone, p.id, EXISTS (SELECT 1 FROM ledger_line l WHERE l.payment_id = p.id) "
        + "FROM payment p WHERE p.deal_id = ?", rs -> {
          payments.put(rs.getString(1), new Standing.Payment(rs.getString(2), rs.getBoolean(3)));
        }, dealId);
    Set<String> reported = new HashSet<>(jdbc.queryForList(
        "SELECT period_code FROM royalty_report WHERE deal_id = ?", String.class, dealId));
    Set<String> royaltiesDue = new HashSet<>(jdbc.queryForList(
        "SELECT s.code FROM scheduled_payment s JOIN royalty_period r ON r.deal_id = s.deal_id AND r.code = s.code "
            + "WHERE s.deal_id = ?", String.class, dealId));

    List<String> open = tasks.values().stream().filter(t -> t.state().equals("OPEN")).map(TaskRow::elementId).toList();
    return new Standing(dealId, deal.getStage(), deal.isCrossBorder(), deal.isWithdrawalRequested(), variables, open,
        steps, chased, list(activation.get(Vars.MILESTONES)), list(activation.get(Vars.ROYALTY_PERIODS)), payments,
        reported, royaltiesDue);
  }

  private Map<String, Object> parse(String text) {
    try {
      return json.readValue(text, MAP);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable stored job result or event data", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? null : (List<Map<String, Object>>) value;
  }

  /** The columns hold UTC (hibernate.jdbc.time_zone). */
  private static Instant instant(Timestamp t) {
    return t.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);
  }
}
