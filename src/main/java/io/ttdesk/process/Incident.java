package io.ttdesk.process;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A job whose retries ran out, and whether someone has sent it through again. */
@Entity
@Table(name = "job_incident")
public class Incident {

  @Id
  private Long jobKey;
  private String dealId;
  private String jobType;
  private String elementId;
  private long elementInstanceKey;
  private long processInstanceKey;
  private String message;
  private Instant raisedAt;
  private String retriedBy;
  private Instant retriedAt;
  @Version
  private Integer version;

  protected Incident() {}

  Incident(long jobKey, String dealId, String jobType, String elementId, long elementInstanceKey,
      long processInstanceKey, String message, Instant raisedAt) {
    this.jobKey = jobKey;
    this.dealId = dealId;
    this.jobType = jobType;
    this.elementId = elementId;
    this.elementInstanceKey = elementInstanceKey;
    this.processInstanceKey = processInstanceKey;
    this.message = message.length() > 1000 ? message.substring(0, 1000) : message;
    this.raisedAt = raisedAt;
  }

  void retried(String by, Instant at) {
    this.retriedBy = by;
    this.retriedAt = at;
  }

  public Long getJobKey() { return jobKey; }
  public String getDealId() { return dealId; }
  public String getJobType() { return jobType; }
  public String getElementId() { return elementId; }
  public long getElementInstanceKey() { return elementInstanceKey; }
  public long getProcessInstanceKey() { return processInstanceKey; }
  public String getMessage() { return message; }
  public Instant getRaisedAt() { return raisedAt; }
  public String getRetriedBy() { return retriedBy; }
  public Instant getRetriedAt() { return retriedAt; }
  public boolean isOpen() { return retriedAt == null; }
}
