package io.ttdesk.fx.web;

import io.ttdesk.fx.ExchangeRate;
import io.ttdesk.fx.ExchangeRates;
import io.ttdesk.security.DeskUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exchange-rates")
class ExchangeRateController {

  private final ExchangeRates rates;

  ExchangeRateController(ExchangeRates rates) {
    this.rates = rates;
  }

  record Rate(@NotNull String base, @NotNull String quote, @NotNull LocalDate date, @NotNull BigDecimal rate,
      @NotNull String source) {}

  @GetMapping
  List<ExchangeRate> latest() {
    return rates.latest();
  }

  /** The rate a conversion on that day would use. */
  @GetMapping("/applied")
  ExchangeRates.Applied applied(@RequestParam String from, @RequestParam String to, @RequestParam LocalDate on) {
    return rates.on(from, to, on).orElseThrow(() -> new io.ttdesk.common.NotFoundException("exchange rate",
        from + "/" + to + " on or before " + on));
  }

  /** Rates are shared by every centre and decide thresholds, so only admins record them. */
  @PostMapping
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<ExchangeRate> record(@Valid @RequestBody Rate r, @AuthenticationPrincipal DeskUser user) {
    ExchangeRate saved = rates.record(new ExchangeRates.NewRate(r.base(), r.quote(), r.date(), r.rate(), r.source()),
        user.getUsername());
    return ResponseEntity.created(URI.create("/api/v1/exchange-rates")).body(saved);
  }

  /** A CSV file with the header base,quote,date,rate,source; all rows are stored or none. */
  @PostMapping(path = "/import", consumes = "text/csv")
  @PreAuthorize("hasRole('ADMIN')")
  Map<String, Integer> importCsv(@RequestBody byte[] csv, @AuthenticationPrincipal DeskUser user) throws IOException {
    return Map.of("added", rates.importCsv(new ByteArrayInputStream(csv), user.getUsername()));
  }
}
