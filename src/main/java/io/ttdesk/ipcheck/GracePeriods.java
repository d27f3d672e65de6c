package io.ttdesk.ipcheck;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Novelty grace periods for the inventor's own public disclosures, by filing jurisdiction.
 * A disclosure inside the grace period before the filing date does not destroy novelty there;
 * outside it, or where there is no grace period, it does.
 */
public final class GracePeriods {

  private static final Map<String, Period> BY_COUNTRY = Map.of(
      "US", Period.ofMonths(12),
      "KR", Period.ofMonths(12),
      "CA", Period.ofMonths(12),
      "AU", Period.ofMonths(12),
      // Japan: 12 months since the 2018 amendment of Patent Act art. 30.
      "JP", Period.ofMonths(12),
      // China: 6 months, and only for the disclosures art. 24 lists (see assess).
      "CN", Period.ofMonths(6));

  /** Kinds of disclosure China's grace period covers. */
  public static final Set<String> CN_EXCEPTIONS = Set.of("EXHIBITION", "CONFERENCE_TALK", "UNAUTHORISED_DISCLOSURE");

  private GracePeriods() {}

  private static String normalise(String kind) {
    return kind == null ? "" : kind.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
  }

  /** The grace period in that country; empty where none applies (EPO states and the rest). */
  public static Optional<Period> of(String country) {
    return Optional.ofNullable(BY_COUNTRY.get(country));
  }

  public enum Novelty { INTACT, FILE_BY_DEADLINE, LOST }

  public record Assessment(Novelty novelty, LocalDate fileBy) {}

  /**
   * Assesses one prior disclosure for a filing in a country not made before {@code today}.
   * Novelty is intact when there was none; otherwise the application must be filed by the end
   * of the grace period, and is lost when that date has passed or no grace period exists.
   */
  /**
   * China's grace period covers only the disclosures its Patent Law (art. 24) lists: a first
   * showing at a recognised exhibition, a first presentation at a prescribed academic or technical
   * meeting, and a disclosure without the applicant's consent. Other kinds (a paper, a thesis) get
   * none there. An unknown kind is taken as covered elsewhere.
   */
  public static Assessment assess(String country, String kind, LocalDate disclosedOn, LocalDate today) {
    Optional<Period> grace = "CN".equals(country) && !CN_EXCEPTIONS.contains(normalise(kind)) ? Optional.empty()
        : of(country);
    if (grace.isEmpty()) {
      return new Assessment(Novelty.LOST, null);
    }
    LocalDate fileBy = disclosedOn.plus(grace.get());
    return today.isAfter(fileBy) ? new Assessment(Novelty.LOST, fileBy) : new Assessment(Novelty.FILE_BY_DEADLINE, fileBy);
  }
}
