package io.ttdesk.revenue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, String> {

  Optional<Payment> findByDealIdAndMilestone(String dealId, String milestone);

  List<Payment> findByDealIdOrderByReceivedOnAscMilestoneAsc(String dealId);
}

interface LedgerLineRepository extends JpaRepository<LedgerLine, Long> {

  List<LedgerLine> findByPaymentIdOrderByLineNoAsc(String paymentId);

  List<LedgerLine> findByDealIdOrderByIdAsc(String dealId);

  boolean existsByPaymentId(String paymentId);

  @Query("select coalesce(sum(l.amount), 0) from LedgerLine l where l.dealId = :dealId and l.kind = :kind and l.currency = :currency")
  java.math.BigDecimal total(String dealId, SplitRule.Kind kind, String currency);

  /** The licence's net income so far: everything distributed but the office fee and patent costs. */
  @Query("""
      select coalesce(sum(l.amount), 0) from LedgerLine l
      where l.dealId = :dealId and l.currency = :currency
        and l.kind not in (io.ttdesk.revenue.SplitRule.Kind.OFFICE_FEE, io.ttdesk.revenue.SplitRule.Kind.PATENT_COSTS)""")
  java.math.BigDecimal netSoFar(String dealId, String currency);
}

interface DistributionPolicyRepository extends JpaRepository<DistributionPolicy, DistributionPolicy.Key> {

  /** Versions in force on a date, newest first: the first one applies. */
  @Query("""
      select p from DistributionPolicy p
      where p.key.code = :code and p.effectiveFrom <= :on
      order by p.effectiveFrom desc, p.key.version desc""")
  List<DistributionPolicy> inForce(String code, java.time.LocalDate on);
}
