package io.ttdesk.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
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
    return hash(digest(), e.getSeq(), e.getDealId(), e.getOccurredAt(), e.getActor(), e.getActorKind().name(),
        e.getActorRole(), e.getType(), e.getSummary(), e.getData(), e.getPrevHash());
  }

  /**
   * The hash of an event's fields, each written as its length in characters, ':' and its text in
   * UTF-8; the digest is reset and may be reused for the next event.
   */
  static String hash(MessageDigest digest, Integer seq, String dealId, Instant occurredAt, String actor,
      String actorKind, String actorRole, String type, String summary, String data, String prevHash) {
    digest.reset();
    for (String field : new String[] {String.valueOf(seq), dealId, occurredAt.toString(), actor, actorKind, type,
        summary, data, prevHash}) {
      update(digest, field);
    }
    if (actorRole != null) {
      update(digest, actorRole);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String field) {
    digest.update(Integer.toString(field.length()).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(field.getBytes(StandardCharsets.UTF_8));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
