package io.ttdesk.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A funder of the research and the rights its funding terms reserve. */
@Embeddable
public record Sponsor(
    @Column(name = "name") String name,
    @Enumerated(EnumType.STRING) @Column(name = "rights") Rights rights) {

  /**
   * NONE: no rights; RESEARCH_USE: may use the results for research; GOVERNMENT_LICENCE: a
   * non-exclusive licence for public purposes; TITLE: may take ownership, so ownership needs review.
   */
  public enum Rights { NONE, RESEARCH_USE, GOVERNMENT_LICENCE, TITLE }
}
