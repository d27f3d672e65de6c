package io.ttdesk.ipcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartyNamesTest {

  @Test
  void ignoresCasePunctuationLegalFormAndWordOrder() {
    assertThat(PartyNames.similarity("Voltaic Storage, Inc.", "VOLTAIC STORAGE")).isEqualTo(1.0);
    assertThat(PartyNames.similarity("Storage Voltaic Ltd", "voltaic-storage co.")).isEqualTo(1.0);
  }

  @Test
  void foldsAccents() {
    assertThat(PartyNames.similarity("Technische Universität Berlin", "TECHNISCHE UNIVERSITAT BERLIN")).isEqualTo(1.0);
  }

  @Test
  void partialOverlapScoresBetweenAndUnrelatedNamesScoreZero() {
    assertThat(PartyNames.similarity("Orion Dual-Use Technologies", "Orion Technologies")).isBetween(0.6, 0.99);
    assertThat(PartyNames.similarity("Fudan University", "Voltaic Storage")).isZero();
  }

  @Test
  void cyrillicNamesMatchTheirLatinSpellingOnlyAfterTransliteration() {
    String listed = "Орион Технологии двойного назначения";
    assertThat(PartyNames.transliterate(listed)).isEqualTo("orion tekhnologii dvoynogo naznacheniya");
    assertThat(PartyNames.similarity("ORION TEKHNOLOGII DVOYNOGO NAZNACHENIYA LLC", listed)).isEqualTo(1.0);
  }
}
