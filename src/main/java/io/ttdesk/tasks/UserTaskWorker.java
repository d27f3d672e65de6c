package io.ttdesk.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.ttdesk.process.DealProcess.Headers;
import io.ttdesk.process.DealProcess.Jobs;
import io.ttdesk.process.DealProcess.Vars;
import io.ttdesk.process.ElementNames;
import io.ttdesk.process.JobLog;
import io.ttdesk.process.JobOnce;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Takes the engine's user-task jobs into the task table. The job stays activated (not completed)
 * until a person completes the task; its timeout is long and is extended while the task is open.
 */
@Component
public class UserTaskWorker {

  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  private final TaskService tasks;
  private final ElementNames names;
  private final ObjectMapper json;
  private final JobOnce jobs;

  UserTaskWorker(TaskService tasks, ElementNames names, ObjectMapper json, JobOnce jobs) {
    this.tasks = tasks;
    this.names = names;
    this.json = json;
    this.jobs = jobs;
  }

  @JobWorker(type = Jobs.USER_TASK, autoComplete = false, timeout = 3_600_000L,
      fetchVariables = {Vars.DEAL_ID, Vars.CENTRE, Vars.MILESTONE, Vars.PERIOD, Vars.DOCKET_ITEM})
  public void activated(ActivatedJob job) throws Exception {
    Map<String, Object> vars = job.getVariablesAsMap();
    Map<String, String> headers = job.getCustomHeaders();
    String dealId = (String) vars.get(Vars.DEAL_ID);
    String groups = headers.get(Headers.CANDIDATE_GROUPS);
    try (JobLog ignored = jobs.log(job, dealId)) {
      tasks.open(new TaskService.NewTask(job.getKey(), dealId, (String) vars.get(Vars.CENTRE),
          job.getElementId(), names.of(job.getElementId()),
          groups == null ? null : json.readValue(groups, LIST).getFirst(), headers.get(Headers.ASSIGNEE),
          subject(vars),
          instant(headers.get(Headers.DUE_DATE)), instant(headers.get(Headers.FOLLOW_UP_DATE)),
          job.getProcessInstanceKey()));
    }
  }

  /** What the task is about, most specific first: a payment, a reporting period, a docket date. */
  private static String subject(Map<String, Object> vars) {
    for (String name : List.of(Vars.MILESTONE, Vars.PERIOD, Vars.DOCKET_ITEM)) {
      if (vars.get(name) instanceof Map<?, ?> m && m.get("id") != null) {
        return String.valueOf(m.get("id"));
      }
    }
    return null;
  }

  /** The engine writes dates as ISO date-times, with a zone id in brackets when FEEL made them. */
  private static Instant instant(String iso) {
    return iso == null || iso.isBlank() ? null : DateTimeFormatter.ISO_DATE_TIME.parse(iso, Instant::from);
  }
}
