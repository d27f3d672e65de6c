package io.ttdesk.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/**
 * A row locked by its key through the persistence context ({@code SELECT ... FOR UPDATE}). Unlike a
 * locking query, it flushes nothing first, and a row this transaction already locked is not asked
 * for again; every command and job locks its deal and appends to its trail this way.
 */
public final class RowLock {

  private RowLock() {}

  public static <T> Optional<T> byId(EntityManager em, Class<T> type, Object id) {
    return Optional.ofNullable(em.find(type, id, LockModeType.PESSIMISTIC_WRITE));
  }
}
