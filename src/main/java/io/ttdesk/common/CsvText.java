package io.ttdesk.common;

import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.StringJoiner;

/** CSV for download (RFC 4180, CRLF), safe to open in a spreadsheet. */
public final class CsvText {

  private CsvText() {}

  /**
   * Quotes a cell; a leading =, +, -, @, tab or carriage return gets an apostrophe so spreadsheets
   * do not run it as a formula.
   */
  public static String cell(String text) {
    String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  /** One line per record, one column per record component, under a header of the component names. */
  public static String of(Class<? extends Record> type, List<? extends Record> rows) {
    RecordComponent[] columns = type.getRecordComponents();
    StringBuilder csv = new StringBuilder();
    StringJoiner header = new StringJoiner(",", "", "\r\n");
    for (RecordComponent c : columns) {
      header.add(c.getName());
    }
    csv.append(header);
    for (Record row : rows) {
      StringJoiner line = new StringJoiner(",", "", "\r\n");
      for (RecordComponent c : columns) {
        Object value;
        try {
          value = c.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + c.getName(), e);
        }
        line.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString()
            : value instanceof Number ? value.toString() : cell(value.toString()));
      }
      csv.append(line);
    }
    return csv.toString();
  }
}
