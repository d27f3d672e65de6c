package io.ttdesk.deal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "centre")
public class Centre {

  @Id
  private String code;
  private String name;
  private String country;
  private String currency;
  /** The code of the revenue distribution policy the centre applies. */
  private String revenuePolicy;
  @Version
  private Integer version;

  protected Centre() {}

  public Centre(String code, String name, String country, String currency) {
    this.code = code;
    this.name = name;
    this.country = country;
    this.currency = currency;
    this.revenuePolicy = "STANFORD_CLASSIC";
  }

  public void applyPolicy(String policyCode) {
    this.revenuePolicy = policyCode;
  }

  public String getCode() { return code; }
  public String getName() { return name; }
  public String getCountry() { return country; }
  public String getCurrency() { return currency; }
  public String getRevenuePolicy() { return revenuePolicy; }
}
