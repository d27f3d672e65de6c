package io.ttdesk.tasks.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttdesk.web.ui.FormJson;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task form's fields, read from the form record the task's handler validates, so every task
 * type gets a page form without a template of its own; and the posted fields turned back into
 * the same JSON the REST API takes.
 */
final class FormFields {

  /** How many rows a list of sub-forms (e.g. milestones) offers. */
  static final int ROWS = 5;

  enum Kind { CHOICE, NUMBER, DATE, TEXT, LONG_TEXT, ROWS, NUMBERS }

  record Field(String name, Kind kind, boolean required, List<String> options, List<Field> columns) {}

  private FormFields() {}

  static List<Field> of(Class<?> form) {
    return Arrays.stream(form.getRecordComponents()).map(FormFields::field).toList();
  }

  private static Field field(RecordComponent c) {
    boolean required = c.isAnnotationPresent(NotNull.class) || c.isAnnotationPresent(NotBlank.class);
    Class<?> type = c.getType();
    if (type.isEnum()) {
      return new Field(c.getName(), Kind.CHOICE, required,
          Arrays.stream(type.getEnumConstants()).map(Object::toString).toList(), List.of());
    }
    if (Number.class.isAssignableFrom(type) || type == int.class) {
      return new Field(c.getName(), Kind.NUMBER, required, List.of(), List.of());
    }
    if (type == LocalDate.class) {
      return new Field(c.getName(), Kind.DATE, required, List.of(), List.of());
    }
    if (List.class.isAssignableFrom(type)
        && c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> row
        && row.isRecord()) {
      return new Field(c.getName(), Kind.ROWS, required, List.of(), of(row));
    }
    if (List.class.isAssignableFrom(type)) {
      return new Field(c.getName(), Kind.NUMBERS, required, List.of(), List.of());
    }
    Size size = c.getAnnotation(Size.class);
    boolean longText = size != null && size.max() > 200;
    return new Field(c.getName(), longText ? Kind.LONG_TEXT : Kind.TEXT, required, List.of(), List.of());
  }

  /**
   * The posted values of this form's own inputs as the form's JSON, read the same way as every
   * page form (blank fields and rows left out, so "required" is judged by the API's validation).
   */
  static ObjectNode toJson(List<Field> fields, Map<String, String> posted, ObjectMapper json) {
    Map<String, String> own = new java.util.LinkedHashMap<>();
    inputNames(fields).forEach(name -> {
      if (posted.containsKey(name)) {
        own.put(name, posted.get(name));
      }
    });
    Set<String> lists = new java.util.HashSet<>();
    fields.stream().filter(f -> f.kind() == Kind.NUMBERS).forEach(f -> lists.add(f.name()));
    return FormJson.of(own, lists, json);
  }

  /** Names of every input, including sub-form cells, for keeping what the user typed. */
  static List<String> inputNames(List<Field> fields) {
    List<String> names = new ArrayList<>();
    for (Field f : fields) {
      if (f.kind() == Kind.ROWS) {
        for (int i = 0; i < ROWS; i++) {
          for (Field col : f.columns()) {
            names.add(f.name() + "[" + i + "]." + col.name());
          }
        }
      } else {
        names.add(f.name());
      }
    }
    return names;
  }
}
