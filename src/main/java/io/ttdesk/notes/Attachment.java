package io.ttdesk.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A file attached to a deal or one of its tasks: the bytes are in the file store under {@code storedAs}. */
@Entity
@Immutable
@Table(name = "attachment")
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private Long taskId;
  private String fileName;
  private String contentType;
  @Column(name = "size_bytes")
  private long size;
  private String sha256;
  private String storedAs;
  private String uploadedBy;
  private Instant uploadedAt;

  protected Attachment() {}

  Attachment(String dealId, Long taskId, String fileName, String contentType, long size, String sha256,
      String storedAs, String uploadedBy, Instant uploadedAt) {
    this.dealId = dealId;
    this.taskId = taskId;
    this.fileName = fileName;
    this.contentType = contentType;
    this.size = size;
    this.sha256 = sha256;
    this.storedAs = storedAs;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public Long getId() { return id; }
  public String getDealId() { return dealId; }
  public Long getTaskId() { return taskId; }
  public String getFileName() { return fileName; }
  public String getContentType() { return contentType; }
  public long getSize() { return size; }
  public String getSha256() { return sha256; }
  String getStoredAs() { return storedAs; }
  public String getUploadedBy() { return uploadedBy; }
  public Instant getUploadedAt() { return uploadedAt; }
}
