package io.ttdesk.web.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates, numbers and money in the reader's language, for the templates ({@code @fmt}). */
@Component("fmt")
public class Formats {

  /** A moment, shown in UTC (and said so), in the reader's date style. */
  public String dateTime(Instant t) {
    return t == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(LocaleContextHolder.getLocale()).withZone(ZoneOffset.UTC).format(t) + " UTC";
  }

  public String date(LocalDate d) {
    return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(LocaleContextHolder.getLocale()).format(d);
  }

  /** An amount with its currency's symbol or code and the reader's separators, at the minor unit. */
  public String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    NumberFormat f = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
    Currency c = Currency.getInstance(currency);
    f.setCurrency(c);
    f.setMinimumFractionDigits(Math.max(c.getDefaultFractionDigits(), 0));
    f.setMaximumFractionDigits(Math.max(c.getDefaultFractionDigits(), 0));
    return f.format(amount) + (f.format(amount).contains(currency) ? "" : " " + currency);
  }

  public String number(BigDecimal n) {
    return n == null ? "" : NumberFormat.getNumberInstance(LocaleContextHolder.getLocale()).format(n);
  }
}
