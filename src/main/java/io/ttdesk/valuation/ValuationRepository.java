package io.ttdesk.valuation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ValuationRepository extends JpaRepository<Valuation, Long> {

  List<Valuation> findByDealIdOrderByIdAsc(String dealId);

  Optional<Valuation> findByIdAndDealId(long id, String dealId);
}

interface ValuationChoiceRepository extends JpaRepository<ValuationChoice, Long> {

  Optional<ValuationChoice> findFirstByDealIdOrderByIdDesc(String dealId);
}

interface RatingRepository extends JpaRepository<Rating, Long> {

  Optional<Rating> findFirstByDealIdOrderByIdDesc(String dealId);
}
