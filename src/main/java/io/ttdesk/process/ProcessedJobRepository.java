package io.ttdesk.process;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProcessedJobRepository extends JpaRepository<ProcessedJob, Long> {

  @Query("select distinct j.elementId from ProcessedJob j where j.dealId = :dealId and j.elementId is not null")
  List<String> elementsOf(String dealId);

  @Query(nativeQuery = true, value = "SELECT reference FROM deal WHERE id = ?1")
  Optional<String> referenceOf(String dealId);
}
