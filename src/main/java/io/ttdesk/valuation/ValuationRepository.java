package io.ttdesk.valuation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ValuationRepository extends JpaRepository<Valuation, Long> {

  List<Valuation> findByDealIdOrderByIdAsc(String dealId);
}
