package io.ttdesk.pipeline;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PipelineDealRepository extends JpaRepository<PipelineDeal, String> {}

interface StageVisitRepository extends JpaRepository<StageVisit, Long> {

  @Query("select v from StageVisit v where v.dealId = ?1 and v.leftAt is null")
  Optional<StageVisit> findOpen(String dealId);

  @org.springframework.data.jpa.repository.Modifying
  @Query("delete from StageVisit v where v.dealId = ?1")
  void deleteByDealId(String dealId);
}
