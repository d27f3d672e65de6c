package io.ttdesk.deal;

/** Where a deal stands in its life; CLOSED deals carry an {@link Outcome}. */
public enum Stage {
  DISCLOSED, SCREENING, VALUATION, IP_CHECK, LICENSING, NEGOTIATION, EXPORT_LICENCE, SIGNATURE, EXECUTION, CLOSED
}
