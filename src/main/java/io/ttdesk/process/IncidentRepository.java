package io.ttdesk.process;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long> {

  /** Open incidents of the centres' deals, and those of no known deal when {@code all} is set. */
  @Query(nativeQuery = true, value = """
      SELECT i.* FROM job_incident i LEFT JOIN deal d ON d.id = i.deal_id
      WHERE (d.centre IN (?1) OR (d.id IS NULL AND ?2)) AND i.retried_at IS NULL ORDER BY i.raised_at""")
  List<Incident> openIn(Collection<String> centres, boolean all);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select i from Incident i where i.jobKey = ?1")
  Optional<Incident> lockById(long jobKey);
}
