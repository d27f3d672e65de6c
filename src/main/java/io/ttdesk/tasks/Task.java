package io.ttdesk.tasks;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A human task: one activated user-task job of the engine, keyed by the job key. */
@Entity
@Table(name = "task")
public class Task {

  public enum State { OPEN, COMPLETED, WITHDRAWN }

  @Id
  private Long id;
  private String dealId;
  private String centre;
  private String elementId;
  private String name;
  private String candidateGroup;
  private String assignee;
  @Enumerated(EnumType.STRING)
  private State state;
  private String subject;
  private Instant dueAt;
  private Instant followUpAt;
  private long processInstanceKey;
  private Instant createdAt;
  private Instant endedAt;
  private String endedBy;
  private String outcome;
  @Version
  private int version;

  protected Task() {}

  Task(long jobKey, String dealId, String centre, String elementId, String name, String candidateGroup,
      String assignee, String subject, Instant dueAt, Instant followUpAt, long processInstanceKey, Instant createdAt) {
    this.id = jobKey;
    this.dealId = dealId;
    this.centre = centre;
    this.elementId = elementId;
    this.name = name;
    this.candidateGroup = candidateGroup;
    this.assignee = assignee;
    this.subject = subject;
    this.dueAt = dueAt;
    this.followUpAt = followUpAt;
    this.processInstanceKey = processInstanceKey;
    this.createdAt = createdAt;
    this.state = State.OPEN;
  }

  void claim(String user) {
    assignee = user;
  }

  void unclaim() {
    assignee = null;
  }

  void followUp(Instant at) {
    followUpAt = at;
  }

  void end(State how, String by, String outcome, Instant at) {
    this.state = how;
    this.endedBy = by;
    this.outcome = outcome;
    this.endedAt = at;
  }

  public boolean isOpen() {
    return state == State.OPEN;
  }

  public Long getId() { return id; }
  public String getDealId() { return dealId; }
  public String getCentre() { return centre; }
  public String getElementId() { return elementId; }
  public String getName() { return name; }
  public String getCandidateGroup() { return candidateGroup; }
  public String getAssignee() { return assignee; }
  public State getState() { return state; }
  public String getSubject() { return subject; }
  public Instant getDueAt() { return dueAt; }
  public Instant getFollowUpAt() { return followUpAt; }
  public long getProcessInstanceKey() { return processInstanceKey; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getEndedAt() { return endedAt; }
  public String getEndedBy() { return endedBy; }
  public String getOutcome() { return outcome; }
}
