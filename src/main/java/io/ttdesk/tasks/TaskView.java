package io.ttdesk.tasks;

import java.time.Instant;

/** A task as callers outside the module and the API see it. */
public record TaskView(long id, String dealId, String centre, String type, String name, String candidateGroup,
    String assignee, Task.State state, String subject, Instant dueAt, Instant followUpAt, Instant createdAt,
    Instant endedAt, String endedBy, String outcome) {

  static TaskView of(Task t) {
    return new TaskView(t.getId(), t.getDealId(), t.getCentre(), t.getElementId(), t.getName(), t.getCandidateGroup(),
        t.getAssignee(), t.getState(), t.getSubject(), t.getDueAt(), t.getFollowUpAt(), t.getCreatedAt(),
        t.getEndedAt(), t.getEndedBy(), t.getOutcome());
  }
}
