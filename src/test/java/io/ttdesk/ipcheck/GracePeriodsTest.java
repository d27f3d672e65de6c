package io.ttdesk.ipcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttdesk.ipcheck.GracePeriods.Novelty;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GracePeriodsTest {

  private static final LocalDate TALK = LocalDate.of(2026, 1, 10);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void usTwelveMonthsLeaveTimeToFile() {
    GracePeriods.Assessment a = GracePeriods.assess("US", "CONFERENCE_TALK", TALK, TODAY);
    assertThat(a.novelty()).isEqualTo(Novelty.FILE_BY_DEADLINE);
    assertThat(a.fileBy()).isEqualTo(LocalDate.of(2027, 1, 10));
  }

  @Test
  void chinasSixMonthsHaveRunOut() {
    GracePeriods.Assessment a = GracePeriods.assess("CN", "CONFERENCE_TALK", TALK, TODAY);
    assertThat(a.novelty()).isEqualTo(Novelty.LOST);
    assertThat(a.fileBy()).isEqualTo(LocalDate.of(2026, 7, 10));
  }

  @Test
  void lastDayOfTheGracePeriodStillCounts() {
    assertThat(GracePeriods.assess("CN", "EXHIBITION", TALK, LocalDate.of(2026, 7, 10)).novelty())
        .isEqualTo(Novelty.FILE_BY_DEADLINE);
    assertThat(GracePeriods.assess("CN", "EXHIBITION", TALK, LocalDate.of(2026, 7, 11)).novelty()).isEqualTo(Novelty.LOST);
  }

  @Test
  void japanAllowsTwelveMonthsSince2018() {
    assertThat(GracePeriods.assess("JP", "CONFERENCE_TALK", TALK, TODAY).fileBy()).isEqualTo(LocalDate.of(2027, 1, 10));
  }

  @Test
  void europeanStatesHaveNoGracePeriodForOrdinaryDisclosures() {
    assertThat(GracePeriods.of("DE")).isEmpty();
    assertThat(GracePeriods.assess("DE", "CONFERENCE_TALK", TODAY.minusDays(1), TODAY).novelty()).isEqualTo(Novelty.LOST);
  }

  @Test
  void chinaGivesNoGraceToAJournalPaperWhileTheUsDoes() {
    LocalDate paper = LocalDate.of(2026, 10, 1);
    assertThat(GracePeriods.assess("CN", "PAPER", paper, TODAY).novelty()).isEqualTo(Novelty.LOST);
    assertThat(GracePeriods.assess("CN", "conference talk", paper, TODAY).novelty()).isEqualTo(Novelty.FILE_BY_DEADLINE);
    assertThat(GracePeriods.assess("US", "PAPER", paper, TODAY).novelty()).isEqualTo(Novelty.FILE_BY_DEADLINE);
  }
}
