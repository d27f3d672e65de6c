package io.ttdesk.deal;

/** Published inside the transaction that closes a deal. */
public record DealClosed(String dealId, Outcome outcome) {}
