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
  /** Other names (transliterations, former names), separated by semicolons. */
  private String aliases;

  protected DeniedParty() {}

  DeniedParty(String listVersion, String name, String country, String source, String aliases) {
    this.listVersion = listVersion;
    this.name = name;
    this.country = country;
    this.source = source;
    this.aliases = aliases;
  }

  /** The listed name and its aliases. */
  java.util.List<String> names() {
    java.util.List<String> all = new java.util.ArrayList<>();
    all.add(name);
    if (aliases != null) {
      java.util.Arrays.stream(aliases.split(";")).map(String::trim).filter(a -> !a.isEmpty()).forEach(all::add);
    }
    return all;
  }

  String getListVersion() { return listVersion; }
  String getName() { return name; }
  String getCountry() { return country; }
  String getSource() { return source; }
}
