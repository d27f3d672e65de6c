package io.ttdesk.history;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert and read only: no update or delete is exposed. */
public interface HistoryRepository extends Repository<HistoryEvent, Long> {

  HistoryEvent save(HistoryEvent event);

  List<HistoryEvent> findByDealIdOrderByIdAsc(String dealId);

  List<HistoryEvent> findByDealIdOrderBySeqAsc(String dealId);
}

interface TrailHeadRepository extends org.springframework.data.jpa.repository.JpaRepository<TrailHead, String> {

  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @org.springframework.data.jpa.repository.Query("select h from TrailHead h where h.dealId = :dealId")
  java.util.Optional<TrailHead> lockById(String dealId);
}
