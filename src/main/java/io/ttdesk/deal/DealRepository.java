package io.ttdesk.deal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DealRepository extends JpaRepository<Deal, String>, DealLock {

  @Query("""
      select d from Deal d
      where d.centre in :centres
        and (:stage is null or d.stage = :stage)
        and (:status is null or d.status = :status)
      order by d.createdAt desc""")
  List<Deal> search(Collection<String> centres, Stage stage, Deal.Status status);

  @Query("select d.id from Deal d where d.status = :status order by d.id")
  List<String> findIdsByStatus(Deal.Status status);
}
