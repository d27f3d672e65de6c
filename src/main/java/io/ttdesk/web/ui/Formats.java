package io.ttdesk.web.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates, numbers and money in the reader's language, for the templates ({@code @fmt}). */
@Component("fmt")
public class Formats {

  private final MessageSource messages;

  Formats(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * A reason the server gave, in the reader's language where it is a fixed text with a translation
   * ({@code reason.<words-joined-by-dashes>}); reasons that carry figures stay as given.
   */
  public String reason(String given) {
    if (given == null) {
      return null;
    }
    return messages.getMessage(key("reason", given), null, given, LocaleContextHolder.getLocale());
  }

  /** The message key of a fixed English text: its words joined by dashes, after a prefix. */
  public static String key(String prefix, String text) {
    return prefix + "." + text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

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
    if (n == null) {
      return "";
    }
    NumberFormat f = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
    f.setMaximumFractionDigits(4);
    return f.format(n);
  }
}
