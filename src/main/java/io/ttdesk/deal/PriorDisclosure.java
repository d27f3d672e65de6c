package io.ttdesk.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** A public disclosure before filing (paper, talk, thesis, web page). */
@Embeddable
public record PriorDisclosure(
    @Column(name = "disclosed_on") LocalDate disclosedOn,
    @Column(name = "kind") String kind,
    @Column(name = "description") String description) {}
