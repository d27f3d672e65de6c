package io.ttdesk.tasks;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, Long> {

  /** Locks the rows: waits for a completion in flight, and then no longer finds its task open. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from Task t where t.dealId = :dealId and t.state = io.ttdesk.tasks.Task.State.OPEN")
  List<Task> lockOpenOfDeal(String dealId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from Task t where t.id = :id")
  Optional<Task> lock(long id);

  List<Task> findByDealIdOrderByIdAsc(String dealId);

  List<Task> findByState(Task.State state);

  List<Task> findByDealIdAndState(String dealId, Task.State state);
}
