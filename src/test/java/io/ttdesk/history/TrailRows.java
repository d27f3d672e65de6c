package io.ttdesk.history;

import java.time.Instant;

/** Hashes a trail event as the application does, for measurements that write many rows at once. */
public final class TrailRows {

  private TrailRows() {}

  public static String hash(String dealId, Instant occurredAt, Actor actor, String type, String summary, String data,
      int seq, String prevHash) {
    return new HistoryEvent(dealId, occurredAt, actor, type, summary, data, seq, prevHash).getHash();
  }
}
