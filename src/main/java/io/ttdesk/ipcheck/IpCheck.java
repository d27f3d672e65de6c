package io.ttdesk.ipcheck;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** The result of one check (patent position or screening) with its evidence as JSON. */
@Entity
@Immutable
@Table(name = "ip_check")
public class IpCheck {

  public enum Kind { PATENT, SCREENING, EXPORT_APPROVAL, EXPORT_LICENCE }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Kind kind;
  private String result;
  private String listVersion;
  private BigDecimal score;
  private String evidence;
  private Instant checkedAt;

  protected IpCheck() {}

  IpCheck(String dealId, Kind kind, String result, String listVersion, BigDecimal score, String evidence,
      Instant checkedAt) {
    this.dealId = dealId;
    this.kind = kind;
    this.result = result;
    this.listVersion = listVersion;
    this.score = score;
    this.evidence = evidence;
    this.checkedAt = checkedAt;
  }

  public Long getId() { return id; }
  public String getDealId() { return dealId; }
  public Kind getKind() { return kind; }
  public String getResult() { return result; }
  public String getListVersion() { return listVersion; }
  public BigDecimal getScore() { return score; }
  public String getEvidence() { return evidence; }
  public Instant getCheckedAt() { return checkedAt; }
}
