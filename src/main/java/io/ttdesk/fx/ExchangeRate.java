package io.ttdesk.fx;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** One unit of {@code base} costs {@code rate} units of {@code quote} on {@code rateDate}, per {@code source}. */
@Entity
@Immutable
@Table(name = "exchange_rate")
public class ExchangeRate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String baseCurrency;
  private String quoteCurrency;
  private LocalDate rateDate;
  private BigDecimal rate;
  private String source;
  private String recordedBy;
  private Instant recordedAt;

  protected ExchangeRate() {}

  ExchangeRate(String baseCurrency, String quoteCurrency, LocalDate rateDate, BigDecimal rate, String source,
      String recordedBy, Instant recordedAt) {
    this.baseCurrency = baseCurrency;
    this.quoteCurrency = quoteCurrency;
    this.rateDate = rateDate;
    this.rate = rate;
    this.source = source;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getId() { return id; }
  public String getBaseCurrency() { return baseCurrency; }
  public String getQuoteCurrency() { return quoteCurrency; }
  public LocalDate getRateDate() { return rateDate; }
  public BigDecimal getRate() { return rate; }
  public String getSource() { return source; }
  public String getRecordedBy() { return recordedBy; }
  public Instant getRecordedAt() { return recordedAt; }
}
