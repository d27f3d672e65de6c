package io.ttdesk.ipcheck;

import io.ttdesk.common.FieldProblem;
import io.ttdesk.common.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a simple CSV list (no quoted commas) and checks every row before any is stored. */
final class Csv {

  interface RowCheck {
    void check(int lineNo, String[] columns, List<FieldProblem> problems);
  }

  private Csv() {}

  static List<String[]> read(InputStream in, String header, int minColumns, RowCheck check) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String first = r.readLine();
      if (first == null || !first.trim().equalsIgnoreCase(header)) {
        throw new InvalidInputException("file", "must start with the header " + header);
      }
      int expected = header.split(",").length;
      String line;
      int n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String[] c = Arrays.stream(line.split(",", -1)).map(String::trim).toArray(String[]::new);
        if (c.length < minColumns || c.length > expected) {
          problems.add(new FieldProblem("line " + n, "needs " + minColumns + " to " + expected + " columns"));
          continue;
        }
        check.check(n, c, problems);
        rows.add(c);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return rows;
  }
}
