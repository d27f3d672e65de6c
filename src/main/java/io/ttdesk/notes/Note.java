package io.ttdesk.notes;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A comment on a deal or on one of its tasks; never edited. */
@Entity
@Immutable
@Table(name = "note")
public class Note {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  private Long taskId;
  private String author;
  private String body;
  private Instant createdAt;

  protected Note() {}

  Note(String dealId, Long taskId, String author, String body, Instant createdAt) {
    this.dealId = dealId;
    this.taskId = taskId;
    this.author = author;
    this.body = body;
    this.createdAt = createdAt;
  }

  public Long getId() { return id; }
  public String getDealId() { return dealId; }
  public Long getTaskId() { return taskId; }
  public String getAuthor() { return author; }
  public String getBody() { return body; }
  public Instant getCreatedAt() { return createdAt; }
}
