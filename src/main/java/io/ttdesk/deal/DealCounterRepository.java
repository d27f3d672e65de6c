package io.ttdesk.deal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DealCounterRepository extends JpaRepository<DealCounter, String> {

  /** Creates the counter if missing; two first disclosures at once do not collide. */
  @Modifying
  @Query(value = "INSERT INTO deal_counter (prefix, next_no) VALUES (:prefix, 1) ON DUPLICATE KEY UPDATE prefix = prefix",
      nativeQuery = true)
  void ensure(String prefix);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from DealCounter c where c.prefix = :prefix")
  Optional<DealCounter> lock(String prefix);
}
