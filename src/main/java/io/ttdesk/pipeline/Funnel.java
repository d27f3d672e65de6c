package io.ttdesk.pipeline;

import io.ttdesk.deal.Stage;

/**
 * The steps of the funnel, in order. A deal has reached a step once it entered the stage that
 * follows it: screened once valuation began, valued once the IP check began, cleared once
 * licensing began, offered once negotiation began, signed once the contract is executed; paid
 * with its first payment.
 */
public enum Funnel {
  DISCLOSED, SCREENED, VALUED, CLEARED, OFFERED, SIGNED, PAID;

  /** The furthest step a deal in that stage has reached, or null for a stage that says nothing new. */
  static Funnel reachedBy(Stage stage) {
    return switch (stage) {
      case DISCLOSED, SCREENING -> DISCLOSED;
      case VALUATION -> SCREENED;
      case IP_CHECK -> VALUED;
      case LICENSING -> CLEARED;
      case NEGOTIATION, EXPORT_LICENCE, SIGNATURE -> OFFERED;
      case EXECUTION -> SIGNED;
      case CLOSED -> null;
    };
  }
}
