package io.ttdesk.valuation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A stored technology rating: the scores given and the grade they made. */
@Entity
@Immutable
@Table(name = "technology_rating")
public class Rating {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dealId;
  @Enumerated(EnumType.STRING)
  private TechnologyRating.Score management;
  @Enumerated(EnumType.STRING)
  private TechnologyRating.Score technology;
  @Enumerated(EnumType.STRING)
  private TechnologyRating.Score marketability;
  @Enumerated(EnumType.STRING)
  private TechnologyRating.Score businessProspects;
  private BigDecimal riskFactor;
  private int trl;
  private BigDecimal weightedScore;
  private BigDecimal points;
  @Enumerated(EnumType.STRING)
  private TechnologyRating.Grade grade;
  private boolean financeable;
  private String ratedBy;
  private Instant ratedAt;

  protected Rating() {}

  Rating(String dealId, TechnologyRating.Inputs in, TechnologyRating.Result r, String ratedBy, Instant ratedAt) {
    this.dealId = dealId;
    this.management = in.management();
    this.technology = in.technology();
    this.marketability = in.marketability();
    this.businessProspects = in.businessProspects();
    this.riskFactor = in.riskFactorPercent();
    this.trl = in.trl();
    this.weightedScore = r.weightedScore();
    this.points = r.points();
    this.grade = r.grade();
    this.financeable = r.financeable();
    this.ratedBy = ratedBy;
    this.ratedAt = ratedAt;
  }

  public Long getId() { return id; }
  public TechnologyRating.Score getManagement() { return management; }
  public TechnologyRating.Score getTechnology() { return technology; }
  public TechnologyRating.Score getMarketability() { return marketability; }
  public TechnologyRating.Score getBusinessProspects() { return businessProspects; }
  public BigDecimal getRiskFactor() { return riskFactor; }
  public int getTrl() { return trl; }
  public BigDecimal getWeightedScore() { return weightedScore; }
  public BigDecimal getPoints() { return points; }
  public TechnologyRating.Grade getGrade() { return grade; }
  public boolean isFinanceable() { return financeable; }
  public String getRatedBy() { return ratedBy; }
  public Instant getRatedAt() { return ratedAt; }
}
