package io.ttdesk.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posted form fields named like JSON paths ({@code licensee.name}, {@code inventors[0].share}) as
 * the JSON document the REST API takes, so a page and the API share one validation. Blank fields
 * are left out, and so are rows and objects with nothing filled in.
 */
public final class FormJson {

  private static final Pattern STEP = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");
  private static final Pattern ROW = Pattern.compile("([A-Za-z]+)\\[(\\d+)](.*)");
  /** No form offers more rows than this; a higher index is not a row of any form. */
  static final int MAX_ROWS = 50;

  private FormJson() {}

  /** @param lists fields whose one value is a list, separated by spaces, commas or semicolons */
  public static ObjectNode of(Map<String, String> posted, Set<String> lists, ObjectMapper json) {
    ObjectNode root = json.createObjectNode();
    posted.forEach((name, value) -> {
      if (value == null || value.isBlank() || name.startsWith("_")) {
        return;
      }
      String[] steps = name.split("\\.");
      JsonNode node = root;
      for (int i = 0; i < steps.length; i++) {
        Matcher m = STEP.matcher(steps[i]);
        if (!m.matches()) {
          return;
        }
        boolean last = i == steps.length - 1;
        ObjectNode parent = (ObjectNode) node;
        if (m.group(2) == null) {
          if (last) {
            if (lists.contains(name)) {
              ArrayNode items = parent.putArray(m.group(1));
              items(value).forEach(items::add);
            } else {
              parent.put(m.group(1), value.trim());
            }
          } else {
            node = parent.has(m.group(1)) ? parent.get(m.group(1)) : parent.putObject(m.group(1));
          }
        } else {
          if (m.group(2).length() > 2 || Integer.parseInt(m.group(2)) >= MAX_ROWS) {
            return;
          }
          ArrayNode array = parent.has(m.group(1)) ? (ArrayNode) parent.get(m.group(1)) : parent.putArray(m.group(1));
          int index = Integer.parseInt(m.group(2));
          while (array.size() <= index) {
            array.addObject();
          }
          node = array.get(index);
          if (last) {
            return;
          }
        }
      }
    });
    prune(root);
    return root;
  }

  /**
   * The items of a one-field list, separated by spaces or semicolons; a comma right after an item
   * also separates, but a comma inside a number ("1,000,000") is left for validation to refuse.
   */
  public static java.util.List<String> items(String value) {
    return java.util.Arrays.stream(value.trim().split("[\\s;]+")).map(s -> s.replaceAll(",+$", ""))
        .filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Renumbers the rows of each list so that rows left blank do not leave gaps: the n-th filled row
   * becomes row n. Applied before a form is read and shown again, an error about row n is shown
   * next to the row where the user typed it.
   */
  public static Map<String, String> compact(Map<String, String> posted) {
    Map<String, java.util.TreeMap<Integer, Map<String, String>>> lists = new java.util.HashMap<>();
    Map<String, String> result = new java.util.LinkedHashMap<>();
    posted.forEach((name, value) -> {
      Matcher m = ROW.matcher(name);
      if (m.matches() && m.group(2).length() <= 2) {
        lists.computeIfAbsent(m.group(1), k -> new java.util.TreeMap<>())
            .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new java.util.LinkedHashMap<>()).put(m.group(3), value);
      } else if (!m.matches()) {
        result.put(name, value);
      }
    });
    lists.forEach((list, rows) -> {
      int n = 0;
      for (Map<String, String> row : rows.values()) {
        if (row.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
          int index = n++;
          row.forEach((rest, value) -> result.put(list + "[" + index + "]" + rest, value));
        }
      }
    });
    return result;
  }

  /** Drops the rows that stayed empty, so row 2 filled and row 1 blank gives one row. */
  private static void prune(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.properties().forEach(e -> prune(e.getValue()));
    } else if (node instanceof ArrayNode a) {
      for (int i = a.size() - 1; i >= 0; i--) {
        prune(a.get(i));
        if (a.get(i) instanceof ObjectNode row && row.isEmpty()) {
          a.remove(i);
        }
      }
    }
  }
}
