package io.ttdesk.deal;

import io.ttdesk.common.RowLock;
import jakarta.persistence.EntityManager;
import java.util.Optional;

class DealLockImpl implements DealLock {

  private final EntityManager em;

  DealLockImpl(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Deal> lockById(String id) {
    return RowLock.byId(em, Deal.class, id);
  }
}
