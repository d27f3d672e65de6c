package io.ttdesk.fx;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeRateRepository extends JpaRepository<ExchangeRate, Long> {

  /** The latest rate on or before the date (the most recently recorded one on ties). */
  Optional<ExchangeRate> findFirstByBaseCurrencyAndQuoteCurrencyAndRateDateLessThanEqualOrderByRateDateDescIdDesc(
      String base, String quote, LocalDate on);

  List<ExchangeRate> findByBaseCurrencyAndQuoteCurrencyOrderByIdAsc(String base, String quote);

  List<ExchangeRate> findTop200ByOrderByRateDateDescIdDesc();

  boolean existsByBaseCurrencyAndQuoteCurrencyAndRateDateAndSource(String base, String quote, LocalDate date,
      String source);
}
