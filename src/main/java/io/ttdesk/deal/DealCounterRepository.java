package io.ttdesk.deal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DealCounterRepository extends JpaRepository<DealCounter, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from DealCounter c where c.prefix = :prefix")
  Optional<DealCounter> lock(String prefix);
}
