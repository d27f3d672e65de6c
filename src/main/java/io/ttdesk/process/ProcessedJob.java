package io.ttdesk.process;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

@Entity
@Table(name = "processed_job")
class ProcessedJob implements Persistable<Long> {

  @Id
  private Long jobKey;
  private String jobType;
  private String dealId;
  private String elementId;
  private String result;
  private Instant processedAt;

  protected ProcessedJob() {}

  ProcessedJob(long jobKey, String jobType, String dealId, String elementId, String result, Instant processedAt) {
    this.jobKey = jobKey;
    this.jobType = jobType;
    this.dealId = dealId;
    this.elementId = elementId;
    this.result = result;
    this.processedAt = processedAt;
  }

  String result() {
    return result;
  }

  @Override
  public Long getId() {
    return jobKey;
  }

  /** Always a plain INSERT: a second delivery racing the first must collide on the key, not overwrite. */
  @Override
  public boolean isNew() {
    return true;
  }
}
