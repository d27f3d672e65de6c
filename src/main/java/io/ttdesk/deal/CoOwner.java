package io.ttdesk.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** Another holder of the invention (a co-applicant institution or company) and its share. */
@Embeddable
public record CoOwner(
    @Column(name = "name") String name,
    @Column(name = "country") String country,
    @Column(name = "share_percent") BigDecimal sharePercent) {}
