package io.ttdesk.deal;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DealRepository extends JpaRepository<Deal, String> {

  @Query("""
      select d from Deal d
      where d.centre in :centres
        and (:stage is null or d.stage = :stage)
        and (:status is null or d.status = :status)
      order by d.createdAt desc""")
  List<Deal> search(Collection<String> centres, Stage stage, Deal.Status status);

  @Query("select d.id from Deal d where d.status = :status order by d.id")
  List<String> findIdsByStatus(Deal.Status status);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Deal d where d.id = :id")
  Optional<Deal> lockById(String id);
}
