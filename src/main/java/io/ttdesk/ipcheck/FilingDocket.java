package io.ttdesk.ipcheck;

import io.ttdesk.deal.PriorDisclosure;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The dates a patent family must meet, derived from the priority date and the filing countries:
 * the grace-period deadlines while nothing is filed, the Paris Convention year, PCT national phase
 * entry (30 months; 31 at the EPO and in Korea), and the first renewal fees (yearly from the third
 * year; in the US maintenance fees at 3.5, 7.5 and 11.5 years, estimated from filing).
 */
public final class FilingDocket {

  private static final Map<String, Integer> NATIONAL_PHASE_MONTHS = Map.of("EP", 31, "KR", 31);

  /** One date; the id names it within the deal and stays the same if the priority date moves. */
  public record Entry(String id, LocalDate due, String country, String what, boolean overdue, long daysLeft) {}

  private FilingDocket() {}

  public static List<Entry> of(LocalDate priorityDate, List<String> countries, List<PriorDisclosure> disclosures,
      LocalDate today) {
    List<Entry> entries = new ArrayList<>();
    countries = countries.stream().distinct().toList();
    if (priorityDate == null) {
      for (String country : countries) {
        disclosures.stream()
            .map(d -> GracePeriods.assess(country, d.kind(), d.disclosedOn(), today))
            // A deadline stays on the docket after it passes (then overdue), so it raises a task.
            .map(GracePeriods.Assessment::fileBy)
            .filter(java.util.Objects::nonNull)
            .min(Comparator.naturalOrder())
            .ifPresent(d -> entries.add(entry(country + ":GRACE", d, country, "File before the grace period ends",
                today)));
      }
    } else {
      entries.add(entry("PRIORITY_YEAR", priorityDate.plusMonths(12), "", "Paris Convention priority year ends", today));
      for (String country : countries) {
        int months = NATIONAL_PHASE_MONTHS.getOrDefault(country, 30);
        entries.add(entry(country + ":NATIONAL_PHASE", priorityDate.plusMonths(months), country,
            "PCT national phase entry (" + months + " months)", today));
        if ("US".equals(country)) {
          for (String years : new String[] {"3.5", "7.5", "11.5"}) {
            Period p = Period.ofMonths((int) (Double.parseDouble(years) * 12));
            entries.add(entry(country + ":MAINTENANCE_" + years, priorityDate.plus(p), country,
                "Maintenance fee at " + years + " years (estimated)", today));
          }
        } else {
          for (int year = 3; year <= 5; year++) {
            entries.add(entry(country + ":RENEWAL_" + year, priorityDate.plusYears(year - 1), country,
                "Renewal fee for year " + year, today));
          }
        }
      }
    }
    entries.sort(Comparator.comparing(Entry::due).thenComparing(Entry::country));
    return entries;
  }

  private static Entry entry(String id, LocalDate due, String country, String what, LocalDate today) {
    return new Entry(id, due, country, what, due.isBefore(today), ChronoUnit.DAYS.between(today, due));
  }
}
