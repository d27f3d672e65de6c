package io.ttdesk.ipcheck;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.Immutable;

/** One entry of an exporting country's technology catalogue: prohibited or restricted, with its keywords. */
@Entity
@Immutable
@Table(name = "export_control_item")
class ExportControlItem {

  enum Category { PROHIBITED, RESTRICTED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String listVersion;
  private String country;
  private String code;
  @Enumerated(EnumType.STRING)
  private Category category;
  private String title;
  /** Phrases that identify the technology, separated by semicolons. */
  private String keywords;

  protected ExportControlItem() {}

  ExportControlItem(String listVersion, String country, String code, Category category, String title, String keywords) {
    this.listVersion = listVersion;
    this.country = country;
    this.code = code;
    this.category = category;
    this.title = title;
    this.keywords = keywords;
  }

  /** The keywords found in the text (case-insensitive). */
  List<String> matches(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(keywords.split(";")).map(String::trim).filter(k -> !k.isEmpty())
        .filter(k -> lower.contains(k.toLowerCase(Locale.ROOT))).toList();
  }

  String getListVersion() { return listVersion; }
  String getCountry() { return country; }
  String getCode() { return code; }
  Category getCategory() { return category; }
  String getTitle() { return title; }
}
