package io.ttdesk.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of a trail event: SHA-256 over its fields, each written as its length in characters,
 * a colon and the text, so no two different events can produce the same input. The previous
 * event's hash is one of the fields; the first event of a deal follows {@link #GENESIS}. The actor's
 * role comes last, and only when the event has one, so events written before roles were kept still
 * give their hash.
 */
public final class Chain {

  public static final String GENESIS = "0".repeat(64);

  private Chain() {}

  static String hash(HistoryEvent e) {
    StringBuilder in = new StringBuilder();
    for (String field : new String[] {String.valueOf(e.getSeq()), e.getDealId(), e.getOccurredAt().toString(),
        e.getActor(), e.getActorKind().name(), e.getType(), e.getSummary(), e.getData(), e.getPrevHash()}) {
      in.append(field.length()).append(':').append(field);
    }
    if (e.getActorRole() != null) {
      in.append(e.getActorRole().length()).append(':').append(e.getActorRole());
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.toString()
          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
