package io.ttdesk.process;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "processed_job")
class ProcessedJob {

  @Id
  private Long jobKey;
  private String jobType;
  private String dealId;
  private String result;
  private Instant processedAt;

  protected ProcessedJob() {}

  ProcessedJob(long jobKey, String jobType, String dealId, String result, Instant processedAt) {
    this.jobKey = jobKey;
    this.jobType = jobType;
    this.dealId = dealId;
    this.result = result;
    this.processedAt = processedAt;
  }

  String result() {
    return result;
  }
}
