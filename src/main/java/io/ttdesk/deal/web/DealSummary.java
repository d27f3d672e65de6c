package io.ttdesk.deal.web;

import io.ttdesk.deal.Deal;
import io.ttdesk.deal.Outcome;
import io.ttdesk.deal.Stage;
import java.time.Instant;

public record DealSummary(String id, String reference, String title, String centre, Stage stage, Deal.Status status,
    Outcome outcome, boolean crossBorder, String targetCountry, boolean withdrawalRequested, Instant createdAt,
    Instant updatedAt) {

  public static DealSummary of(Deal d) {
    return new DealSummary(d.getId(), d.getReference(), d.getTitle(), d.getCentre(), d.getStage(), d.getStatus(),
        d.getOutcome(), d.isCrossBorder(), d.getTargetCountry(), d.isWithdrawalRequested(), d.getCreatedAt(),
        d.getUpdatedAt());
  }
}
