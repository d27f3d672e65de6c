package io.ttdesk.history;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert and read only: no update or delete is exposed. */
public interface HistoryRepository extends Repository<HistoryEvent, Long> {

  HistoryEvent save(HistoryEvent event);

  List<HistoryEvent> findByDealIdOrderByIdAsc(String dealId);
}
