package io.ttdesk.tasks;

import java.util.Collection;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, Long> {

  @Query("""
      select t from Task t
      where t.state = :state
        and (t.candidateGroup in :groups or t.assignee = :user)
        and (:dealId is null or t.dealId = :dealId)
      order by t.dueAt asc, t.id asc""")
  List<Task> visible(Task.State state, Collection<String> groups, String user, String dealId);

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
