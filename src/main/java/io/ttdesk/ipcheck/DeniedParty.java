package io.ttdesk.ipcheck;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "denied_party")
class DeniedParty {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String listVersion;
  private String name;
  private String country;
  private String source;

  protected DeniedParty() {}

  DeniedParty(String listVersion, String name, String country, String source) {
    this.listVersion = listVersion;
    this.name = name;
    this.country = country;
    this.source = source;
  }

  String getListVersion() { return listVersion; }
  String getName() { return name; }
  String getCountry() { return country; }
  String getSource() { return source; }
}
