package io.ttdesk.history;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert and read only: no update or delete is exposed. */
public interface HistoryRepository extends Repository<HistoryEvent, Long> {

  HistoryEvent save(HistoryEvent event);

  List<HistoryEvent> findByDealIdOrderByIdAsc(String dealId);

  List<HistoryEvent> findByDealIdOrderBySeqAsc(String dealId);
}

interface TrailHeadRepository extends org.springframework.data.jpa.repository.JpaRepository<TrailHead, String>,
    TrailHeadLock {}

/** The chain's head row, locked for the rest of the transaction. */
interface TrailHeadLock {

  java.util.Optional<TrailHead> lockById(String dealId);
}

class TrailHeadLockImpl implements TrailHeadLock {

  private final jakarta.persistence.EntityManager em;

  TrailHeadLockImpl(jakarta.persistence.EntityManager em) {
    this.em = em;
  }

  @Override
  public java.util.Optional<TrailHead> lockById(String dealId) {
    return io.ttdesk.common.RowLock.byId(em, TrailHead.class, dealId);
  }
}
