package io.ttdesk.deal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "centre")
public class Centre {

  @Id
  private String code;
  private String name;
  private String country;
  private String currency;

  protected Centre() {}

  public Centre(String code, String name, String country, String currency) {
    this.code = code;
    this.name = name;
    this.country = country;
    this.currency = currency;
  }

  public String getCode() { return code; }
  public String getName() { return name; }
  public String getCountry() { return country; }
  public String getCurrency() { return currency; }
}
