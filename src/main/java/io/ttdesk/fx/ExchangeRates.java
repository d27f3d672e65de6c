package io.ttdesk.fx;

import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stored exchange rates: entered or imported, never fetched; every conversion names the rate it used. */
@Service
public class ExchangeRates {

  private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);
  private static final BigDecimal MIN_RATE = new BigDecimal("0.0000000001");
  private static final BigDecimal MAX_RATE = new BigDecimal("1000000000");

  private final ExchangeRateRepository rates;
  private final Clock clock;

  ExchangeRates(ExchangeRateRepository rates, Clock clock) {
    this.rates = rates;
    this.clock = clock;
  }

  /** The rate used for one conversion: how many {@code to} one {@code from} buys, dated and sourced. */
  public record Applied(String from, String to, BigDecimal rate, LocalDate date, String source) {

    public Money convert(Money amount) {
      return new Money(amount.amount().multiply(rate, MC), Currency.getInstance(to));
    }
  }

  public record NewRate(String base, String quote, LocalDate date, BigDecimal rate, String source) {}

  /**
   * The rate from one currency to another in force on a date: the latest stored on or before it,
   * direct or inverted. The same currency converts at 1.
   */
  @Transactional(readOnly = true)
  public Optional<Applied> on(String from, String to, LocalDate date) {
    if (from.equals(to)) {
      return Optional.of(new Applied(from, to, BigDecimal.ONE, date, "same currency"));
    }
    return choose(from, to,
        rates.findFirstByBaseCurrencyAndQuoteCurrencyAndRateDateLessThanEqualOrderByRateDateDescIdDesc(from, to, date)
            .orElse(null),
        rates.findFirstByBaseCurrencyAndQuoteCurrencyAndRateDateLessThanEqualOrderByRateDateDescIdDesc(to, from, date)
            .orElse(null));
  }

  /** The later-dated of the latest direct and inverse rates; the direct one on the same day. */
  private static Optional<Applied> choose(String from, String to, ExchangeRate direct, ExchangeRate inverse) {
    if (direct != null && (inverse == null || !inverse.getRateDate().isAfter(direct.getRateDate()))) {
      return Optional.of(new Applied(from, to, direct.getRate(), direct.getRateDate(), direct.getSource()));
    }
    // Rounded to the stored precision, so that amount x stored rate is the reported amount.
    return Optional.ofNullable(inverse).map(r -> new Applied(from, to,
        BigDecimal.ONE.divide(r.getRate(), 10, RoundingMode.HALF_EVEN), r.getRateDate(), r.getSource() + " (inverse)"));
  }

  /**
   * Every stored rate between two currencies, loaded once, for reports that convert many dated
   * amounts: {@link Series#on} answers as {@link #on} would.
   */
  @Transactional(readOnly = true)
  public Series series(String from, String to) {
    return new Series(from, to, byDate(from, to), byDate(to, from));
  }

  private NavigableMap<LocalDate, ExchangeRate> byDate(String base, String quote) {
    NavigableMap<LocalDate, ExchangeRate> m = new TreeMap<>();
    // In id order, so the most recently recorded rate of a day is the one kept.
    rates.findByBaseCurrencyAndQuoteCurrencyOrderByIdAsc(base, quote).forEach(r -> m.put(r.getRateDate(), r));
    return m;
  }

  public record Series(String from, String to, NavigableMap<LocalDate, ExchangeRate> direct,
      NavigableMap<LocalDate, ExchangeRate> inverse) {

    public Optional<Applied> on(LocalDate date) {
      if (from.equals(to)) {
        return Optional.of(new Applied(from, to, BigDecimal.ONE, date, "same currency"));
      }
      var d = direct.floorEntry(date);
      var i = inverse.floorEntry(date);
      return choose(from, to, d == null ? null : d.getValue(), i == null ? null : i.getValue());
    }
  }

  /**
   * Process variables for a decision table stated in another currency: the converted amount (null
   * when no rate is stored) and the rate used, so the decision can be recomputed.
   */
  public void putConverted(Map<String, Object> vars, String amountVar, String rateVar, Money amount, String to) {
    Optional<Applied> rate = today(amount.currency().getCurrencyCode(), to);
    vars.put(amountVar, rate.map(r -> r.convert(amount).amount()).orElse(null));
    vars.put(rateVar, rate.map(r -> Map.of("rate", r.rate().toPlainString(), "date", r.date().toString(),
            "source", r.source()))
        .orElse(null));
  }

  /** Today's stored rate between two currencies, if there is one. */
  @Transactional(readOnly = true)
  public Optional<Applied> today(String from, String to) {
    return on(from, to, LocalDate.now(clock));
  }

  @Transactional
  public ExchangeRate record(NewRate r, String user) {
    List<FieldProblem> problems = validate(r, "");
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (rates.existsByBaseCurrencyAndQuoteCurrencyAndRateDateAndSource(r.base(), r.quote(), r.date(), r.source())) {
      throw new io.ttdesk.common.ConflictException("date", "a " + r.base() + "/" + r.quote() + " rate from " + r.source()
          + " on " + r.date() + " is already stored; rates are never changed");
    }
    return rates.save(new ExchangeRate(r.base(), r.quote(), r.date(), r.rate(), r.source(), user, clock.instant()));
  }

  /**
   * Imports a CSV with the header {@code base,quote,date,rate,source}: all rows or none. A row
   * already stored (same pair, date and source) is skipped, so an import can be repeated.
   */
  @Transactional
  public int importCsv(InputStream csv, String user) throws IOException {
    List<NewRate> rows = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
      String header = in.readLine();
      if (header == null || !header.trim().equalsIgnoreCase("base,quote,date,rate,source")) {
        throw new InvalidInputException("file", "must start with the header base,quote,date,rate,source");
      }
      String line;
      int n = 1;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] c = line.split(",", -1);
        String where = "line " + n;
        if (c.length != 5) {
          problems.add(new FieldProblem(where, "needs 5 columns"));
          continue;
        }
        try {
          NewRate r = new NewRate(c[0].trim(), c[1].trim(), LocalDate.parse(c[2].trim()), new BigDecimal(c[3].trim()),
              c[4].trim());
          List<FieldProblem> rowProblems = validate(r, where + ".");
          problems.addAll(rowProblems);
          if (rowProblems.isEmpty()) {
            rows.add(r);
          }
        } catch (DateTimeParseException | NumberFormatException e) {
          problems.add(new FieldProblem(where, "has a malformed date or rate"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    int added = 0;
    for (NewRate r : rows) {
      if (!rates.existsByBaseCurrencyAndQuoteCurrencyAndRateDateAndSource(r.base(), r.quote(), r.date(), r.source())) {
        rates.save(new ExchangeRate(r.base(), r.quote(), r.date(), r.rate(), r.source(), user, clock.instant()));
        added++;
      }
    }
    return added;
  }

  @Transactional(readOnly = true)
  public List<ExchangeRate> latest() {
    return rates.findTop200ByOrderByRateDateDescIdDesc();
  }

  private static List<FieldProblem> validate(NewRate r, String prefix) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!Money.isCurrency(r.base())) {
      problems.add(new FieldProblem(prefix + "base", "is not an ISO 4217 currency"));
    }
    if (!Money.isCurrency(r.quote())) {
      problems.add(new FieldProblem(prefix + "quote", "is not an ISO 4217 currency"));
    }
    if (r.base() != null && r.base().equals(r.quote())) {
      problems.add(new FieldProblem(prefix + "quote", "must differ from base"));
    }
    if (r.rate() == null || r.rate().compareTo(MIN_RATE) < 0 || r.rate().compareTo(MAX_RATE) >= 0
        || r.rate().stripTrailingZeros().scale() > 10) {
      problems.add(new FieldProblem(prefix + "rate", "must be from 0.0000000001 to below 1000000000, at most 10 decimals"));
    }
    if (r.source() == null || r.source().isBlank() || r.source().length() > 80) {
      problems.add(new FieldProblem(prefix + "source", "is required (at most 80 characters)"));
    }
    if (r.date() == null) {
      problems.add(new FieldProblem(prefix + "date", "is required"));
    }
    return problems;
  }
}
