package io.ttdesk.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
public record Inventor(
    @Column(name = "name") String name,
    @Column(name = "email") String email,
    @Column(name = "department") String department,
    @Column(name = "share_percent") BigDecimal sharePercent,
    @Column(name = "employed_by_owner") boolean employedByOwner) {}
