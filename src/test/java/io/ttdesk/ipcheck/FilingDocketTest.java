package io.ttdesk.ipcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttdesk.deal.PriorDisclosure;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilingDocketTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void fromAPriorityDateFollowParisPctAndRenewals() {
    List<FilingDocket.Entry> docket = FilingDocket.of(LocalDate.of(2025, 3, 15), List.of("US", "EP"), List.of(), TODAY);
    assertThat(docket.getFirst()).isEqualTo(new FilingDocket.Entry("PRIORITY_YEAR", LocalDate.of(2026, 3, 15), "",
        "Paris Convention priority year ends", true, -252));
    assertThat(docket).filteredOn(e -> e.what().startsWith("PCT"))
        .extracting(e -> e.id() + " " + e.due())
        .containsExactly("US:NATIONAL_PHASE 2027-09-15", "EP:NATIONAL_PHASE 2027-10-15");
    assertThat(docket).filteredOn(e -> e.country().equals("EP") && e.what().startsWith("Renewal"))
        .extracting(FilingDocket.Entry::due)
        .containsExactly(LocalDate.of(2027, 3, 15), LocalDate.of(2028, 3, 15), LocalDate.of(2029, 3, 15));
    assertThat(docket).filteredOn(e -> e.country().equals("US") && e.what().startsWith("Maintenance"))
        .extracting(FilingDocket.Entry::due).first().isEqualTo(LocalDate.of(2028, 9, 15));
  }

  @Test
  void beforeFilingTheGracePeriodsSetTheDeadlines() {
    List<PriorDisclosure> talk = List.of(new PriorDisclosure(LocalDate.of(2026, 9, 1), "CONFERENCE_TALK", null));
    List<FilingDocket.Entry> docket = FilingDocket.of(null, List.of("US", "CN", "DE"), talk, TODAY);
    // US: 12 months -> 2027-09-01; CN: 6 months -> 2027-03-01; DE: no grace period, nothing to meet.
    assertThat(docket).extracting(e -> e.country() + " " + e.due() + " " + e.overdue())
        .containsExactly("CN 2027-03-01 false", "US 2027-09-01 false");
  }

  @Test
  void aGraceDeadlineThatPassedStaysOnTheDocketAsOverdue() {
    // A talk on 2025-09-01: the US year ended 2026-09-01, China's six months on 2026-03-01.
    List<PriorDisclosure> talk = List.of(new PriorDisclosure(LocalDate.of(2025, 9, 1), "CONFERENCE_TALK", null));
    assertThat(FilingDocket.of(null, List.of("US", "CN"), talk, TODAY))
        .extracting(e -> e.id() + " " + e.due() + " " + e.overdue())
        .containsExactly("CN:GRACE 2026-03-01 true", "US:GRACE 2026-09-01 true");
  }
}
