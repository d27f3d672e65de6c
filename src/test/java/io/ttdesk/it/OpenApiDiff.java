package io.ttdesk.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes between two OpenAPI documents that break a client written against the first: a
 * removed operation or success status, a removed or retyped response property, a new required
 * parameter, request body or request property, and a removed enum value.
 */
final class OpenApiDiff {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private final JsonNode before;
  private final JsonNode after;
  private final List<String> breaking = new ArrayList<>();
  private final Set<String> visited = new HashSet<>();

  private OpenApiDiff(JsonNode before, JsonNode after) {
    this.before = before;
    this.after = after;
  }

  static List<String> breaking(JsonNode before, JsonNode after) {
    OpenApiDiff diff = new OpenApiDiff(before, after);
    diff.paths();
    return diff.breaking;
  }

  private void paths() {
    before.path("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
      if (!METHODS.contains(m.getKey())) {
        return;
      }
      String where = m.getKey().toUpperCase() + " " + p.getKey();
      JsonNode now = after.path("paths").path(p.getKey()).path(m.getKey());
      if (now.isMissingNode()) {
        breaking.add(where + ": operation removed");
        return;
      }
      operation(where, m.getValue(), now);
    }));
  }

  private void operation(String where, JsonNode was, JsonNode now) {
    for (JsonNode param : now.path("parameters")) {
      JsonNode p = resolve(after, param);
      JsonNode old = parameter(was, p.path("in").asText(), p.path("name").asText());
      String name = p.path("in").asText() + " parameter " + p.path("name").asText();
      if (p.path("required").asBoolean() && (old == null || !old.path("required").asBoolean())) {
        breaking.add(where + ": " + name + " is new and required");
      }
      if (old != null) {
        request(where + " " + name, resolve(before, old).path("schema"), p.path("schema"));
      }
    }
    JsonNode wasBody = resolve(before, was.path("requestBody"));
    JsonNode nowBody = resolve(after, now.path("requestBody"));
    if (nowBody.path("required").asBoolean() && !wasBody.path("required").asBoolean()) {
      breaking.add(where + ": request body is now required");
    }
    nowBody.path("content").properties().forEach(c ->
        request(where + " request " + c.getKey(), wasBody.path("content").path(c.getKey()).path("schema"),
            c.getValue().path("schema")));
    was.path("responses").properties().forEach(r -> {
      if (!r.getKey().startsWith("2")) {
        return;
      }
      JsonNode nowResponse = resolve(after, now.path("responses").path(r.getKey()));
      if (nowResponse.isMissingNode()) {
        breaking.add(where + ": response " + r.getKey() + " removed");
        return;
      }
      resolve(before, r.getValue()).path("content").properties().forEach(c -> {
        JsonNode nowContent = nowResponse.path("content").path(c.getKey());
        if (nowContent.isMissingNode()) {
          breaking.add(where + ": response " + r.getKey() + " no longer " + c.getKey());
        } else {
          response(where + " response " + r.getKey(), c.getValue().path("schema"), nowContent.path("schema"));
        }
      });
    });
  }

  /** What a client sends: nothing it may leave out today may become required, no value or type it sends may go. */
  private void request(String where, JsonNode was, JsonNode now) {
    JsonNode w = resolve(before, was);
    JsonNode n = resolve(after, now);
    if (w.isMissingNode() || n.isMissingNode() || !first("request", was, now)) {
      return;
    }
    if (w.has("type") && !w.path("type").equals(n.path("type"))) {
      breaking.add(where + ": type " + w.path("type") + " became " + n.path("type"));
      return;
    }
    enums(where, w, n);
    Set<String> required = new HashSet<>();
    w.path("required").forEach(r -> required.add(r.asText()));
    for (JsonNode r : n.path("required")) {
      if (!required.contains(r.asText())) {
        breaking.add(where + ": property " + r.asText() + " is now required");
      }
    }
    n.path("properties").properties().forEach(p ->
        request(where + "." + p.getKey(), w.path("properties").path(p.getKey()), p.getValue()));
    request(where + "[]", w.path("items"), n.path("items"));
  }

  /** What a client reads: every property it reads stays, with its type; no value it handles may go. */
  private void response(String where, JsonNode was, JsonNode now) {
    JsonNode w = resolve(before, was);
    JsonNode n = resolve(after, now);
    if (w.isMissingNode() || !first("response", was, now)) {
      return;
    }
    if (n.isMissingNode()) {
      breaking.add(where + ": removed");
      return;
    }
    if (w.has("type") && !w.path("type").equals(n.path("type"))) {
      breaking.add(where + ": type " + w.path("type") + " became " + n.path("type"));
      return;
    }
    enums(where, w, n);
    w.path("properties").properties().forEach(p -> {
      if (!n.path("properties").has(p.getKey())) {
        breaking.add(where + "." + p.getKey() + ": property removed");
      } else {
        response(where + "." + p.getKey(), p.getValue(), n.path("properties").path(p.getKey()));
      }
    });
    if (w.has("items")) {
      response(where + "[]", w.path("items"), n.path("items"));
    }
  }

  private void enums(String where, JsonNode was, JsonNode now) {
    if (!was.has("enum")) {
      return;
    }
    Set<String> kept = new HashSet<>();
    now.path("enum").forEach(v -> kept.add(v.asText()));
    for (JsonNode v : was.path("enum")) {
      if (now.has("enum") && !kept.contains(v.asText())) {
        breaking.add(where + ": enum value " + v.asText() + " removed");
      }
    }
  }

  /** Named schemas are compared once per pair, which also ends recursive ones. */
  private boolean first(String side, JsonNode was, JsonNode now) {
    String refs = was.path("$ref").asText("") + "|" + now.path("$ref").asText("");
    return refs.equals("|") || visited.add(side + " " + refs);
  }

  private static JsonNode parameter(JsonNode operation, String in, String name) {
    for (JsonNode p : operation.path("parameters")) {
      if (p.path("in").asText().equals(in) && p.path("name").asText().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The node a local {@code $ref} points to, or the node itself. */
  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    for (int i = 0; i < 10 && node.has("$ref"); i++) {
      String ref = node.path("$ref").asText();
      if (!ref.startsWith("#/")) {
        return node;
      }
      node = doc.at(ref.substring(1));
    }
    return node;
  }
}
