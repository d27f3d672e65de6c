package io.ttdesk.process;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long> {

  @Query(nativeQuery = true, value = """
      SELECT i.* FROM job_incident i JOIN deal d ON d.id = i.deal_id
      WHERE d.centre IN (?1) AND i.retried_at IS NULL ORDER BY i.raised_at""")
  List<Incident> openIn(Collection<String> centres);
}
