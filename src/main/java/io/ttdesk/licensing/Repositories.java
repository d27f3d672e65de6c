package io.ttdesk.licensing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TermSheetRepository extends JpaRepository<TermSheet, Long> {

  List<TermSheet> findByDealIdOrderByVersionAsc(String dealId);

  Optional<TermSheet> findFirstByDealIdOrderByVersionDesc(String dealId);

  Optional<TermSheet> findByDealIdAndVersion(String dealId, int version);
}

interface CounterpartyResponseRepository extends JpaRepository<CounterpartyResponse, Long> {

  List<CounterpartyResponse> findByDealIdOrderByIdAsc(String dealId);

  long countByDealIdAndResponse(String dealId, CounterpartyResponse.Answer response);

  boolean existsByDealIdAndTermSheetVersion(String dealId, int termSheetVersion);
}

interface ScheduledPaymentRepository extends JpaRepository<ScheduledPayment, Long> {

  List<ScheduledPayment> findByDealIdOrderByDueDateAscCodeAsc(String dealId);

  Optional<ScheduledPayment> findByDealIdAndCode(String dealId, String code);

  boolean existsByDealId(String dealId);
}

interface RoyaltyPeriodRepository extends JpaRepository<RoyaltyPeriod, Long> {

  List<RoyaltyPeriod> findByDealIdOrderByStartsOnAsc(String dealId);

  boolean existsByDealId(String dealId);
}

interface RoyaltyReportRepository extends JpaRepository<RoyaltyReport, Long> {

  List<RoyaltyReport> findByDealIdOrderByIdAsc(String dealId);

  boolean existsByDealIdAndPeriodCode(String dealId, String periodCode);
}
