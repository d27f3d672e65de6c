package io.ttdesk.tasks;

import java.util.Collection;
import java.util.List;
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

  List<Task> findByDealIdAndState(String dealId, Task.State state);

  List<Task> findByDealIdOrderByIdAsc(String dealId);

  List<Task> findByState(Task.State state);
}
