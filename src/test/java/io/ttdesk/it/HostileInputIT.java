package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Ten thousand generated malformed or hostile requests across every write endpoint of the API:
 * broken JSON, wrong types, huge strings, unicode edge cases, negative and overflowing numbers,
 * impossible dates, unknown enum values, SQL and script fragments, hostile ids. Bodies are built
 * from each endpoint's own request type, so every field is reached. No answer may be a 5xx, every
 * answer must be a problem document, and no stored data may change.
 */
class HostileInputIT extends ApiTest {

  static final int REQUESTS = 10_000;

  private static final String[] FRAGMENTS = {"' OR '1'='1' --", "\"; DROP TABLE deal; --", "<script>alert(1)</script>",
      "${7*7}", "{{7*7}}", "../../etc/passwd", "\u0000", "\uFEFF", "\u202Eevil", "e\u0301", "😀🏳️‍🌈", "\uD800",
      "𝕏", "null", "%00", "\r\n\r\nX-Injected: 1", "SELECT * FROM app_user", "' UNION SELECT password_hash FROM app_user --"};
  private static final String[] RAW_BODIES = {"", "{", "}", "[1,2", "nul", "{\"a\":}", "{\"a\" 1}", "null", "[]", "123",
      "\"text\"", "{\"a\":1,}", "\u0000", "{'single': 'quotes'}", "<deal><title>x</title></deal>", "\uFEFF{}",
      "[".repeat(5_000), "{\"a\":".repeat(3_000)};
  private static final String[] HOSTILE_IDS = {"0", "-1", "99999999999999999999999", "abc", "' OR '1'='1",
      "%3Cscript%3E", "%00", "%F0%9F%98%80", "a".repeat(3_000), "1e9", "null", "%20", "..%2F..%2Fetc"};
  private static final List<String> ADMIN_PATHS = List.of("/api/v1/policies", "/api/v1/centres", "/api/v1/users",
      "/api/v1/screening-lists", "/api/v1/exchange-rates");

  record Endpoint(String method, String pattern, Type body, boolean csv) {}

  @Autowired
  JdbcTemplate db;

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  @Test
  void tenThousandHostileRequestsGetProblemAnswersAndChangeNothing() throws Exception {
    String dealId = disclose(disclosure("SHA", "CN", "DE", "Sunrise GmbH"));
    long taskId = awaitTask("broker", dealId, "ScreenDisclosure");
    Map<String, Object> before = snapshot(dealId);

    List<Endpoint> endpoints = endpoints();
    assertThat(endpoints).hasSizeGreaterThan(25);
    Random random = new Random(97_531);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> perEndpoint = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int n = 0; n < REQUESTS; n++) {
      Endpoint e = endpoints.get(n % endpoints.size());
      // Without a body, the only input is the address: its ids are then always hostile.
      String path = path(e.pattern(), dealId, taskId, e.body() == null && !e.csv() ? 1 : 5, random);
      String user = user(e.pattern(), random);
      String[] body = e.csv() ? csv(random) : json(e.body(), random);
      HttpResponse<String> res = raw(user, e.method(), path, body[0], body[1]);
      statuses.merge(res.statusCode(), 1, Integer::sum);
      perEndpoint.merge(e.method() + " " + e.pattern(), 1, Integer::sum);
      String problem = problemIn(res);
      if (problem != null && failures.size() < 20) {
        failures.add(res.statusCode() + " " + e.method() + " " + abbreviate(path) + " body "
            + abbreviate(body[1]) + ": " + problem);
      }
    }
    System.out.println("HOSTILE INPUT: " + REQUESTS + " requests over " + endpoints.size()
        + " write endpoints; answers by status " + statuses);
    assertThat(failures).as("answers that are 5xx or not problem documents").isEmpty();
    assertThat(statuses.keySet()).allSatisfy(s -> assertThat(s).isBetween(400, 499));
    assertThat(snapshot(dealId)).as("stored data").isEqualTo(before);
    assertThat(perEndpoint.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(REQUESTS / endpoints.size()));
  }

  /** Every write endpoint under /api, with the type of its body. */
  private List<Endpoint> endpoints() {
    List<Endpoint> found = new ArrayList<>();
    for (Mapped m : mapped()) {
      if (m.method().equals("GET") || !m.pattern().startsWith("/api/")) {
        continue;
      }
      Type body = null;
      for (Parameter p : m.handler().getMethod().getParameters()) {
        if (p.isAnnotationPresent(RequestBody.class)) {
          body = p.getParameterizedType();
        }
      }
      boolean csv = m.info().getConsumesCondition().getConsumableMediaTypes().stream()
          .anyMatch(t -> t.getSubtype().equals("csv")) || body == byte[].class;
      found.add(new Endpoint(m.method(), m.pattern(), body, csv));
    }
    return found;
  }

  /** The address with real ids, except one time in {@code hostileOneIn} a hostile one. */
  private String path(String pattern, String dealId, long taskId, int hostileOneIn, Random random) {
    StringBuilder p = new StringBuilder();
    for (String part : pattern.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      p.append('/');
      if (part.startsWith("{")) {
        if (random.nextInt(hostileOneIn) == 0) {
          p.append(HOSTILE_IDS[random.nextInt(HOSTILE_IDS.length)]);
        } else {
          p.append(switch (part) {
            case "{id}" -> pattern.contains("/tasks/") ? String.valueOf(taskId) : dealId;
            case "{code}" -> "SHA";
            case "{username}" -> "broker2";
            default -> "1";
          });
        }
      } else {
        p.append(part);
      }
    }
    if (pattern.contains("/screening-lists/")) {
      p.append("?version=").append(random.nextBoolean() ? "" : java.net.URLEncoder.encode(
          FRAGMENTS[random.nextInt(FRAGMENTS.length)], StandardCharsets.UTF_8));
    }
    return p.toString();
  }

  /** Mostly someone the endpoint lets in, so the input is what gets refused; now and then someone it does not. */
  private static String user(String pattern, Random random) {
    if (random.nextInt(20) == 0) {
      return random.nextBoolean() ? "auditor" : "berlin";
    }
    if (ADMIN_PATHS.stream().anyMatch(pattern::startsWith)) {
      return "admin";
    }
    return random.nextBoolean() ? "broker" : "manager";
  }

  /** A content type and a JSON body: raw malformed text, or the endpoint's own shape with only hostile values. */
  private String[] json(Type type, Random random) throws Exception {
    if (type == null || random.nextInt(5) == 0) {
      return new String[] {"application/json", RAW_BODIES[random.nextInt(RAW_BODIES.length)]};
    }
    if (random.nextInt(25) == 0) {
      return new String[] {random.nextBoolean() ? "text/plain" : "application/xml", "{\"title\": \"x\"}"};
    }
    return new String[] {"application/json", json.writeValueAsString(hostile(type, random, 0))};
  }

  /** A value of the given declared type's shape that no rule of the application may accept. */
  private JsonNode hostile(Type type, Random random, int depth) {
    Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType()
        : type instanceof Class<?> c ? c : Object.class;
    if (raw.isRecord()) {
      ObjectNode o = nodes.objectNode();
      RecordComponent[] components = raw.getRecordComponents();
      int fields = 1 + random.nextInt(components.length);
      for (int i = 0; i < fields; i++) {
        RecordComponent c = components[random.nextInt(components.length)];
        o.set(c.getName(), depth > 2 ? hugeText(random) : hostile(c.getGenericType(), random, depth + 1));
      }
      return o;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      Type element = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
      return switch (random.nextInt(4)) {
        case 0 -> nodes.textNode("not a list");
        case 1 -> nodes.objectNode().put("0", "x");
        case 2 -> nodes.arrayNode().add(nodes.nullNode()).add(hostile(element, random, depth + 1));
        default -> {
          ArrayNode many = nodes.arrayNode();
          for (int i = 0; i < 2_000; i++) {
            many.add(random.nextBoolean() ? nodes.objectNode() : nodes.textNode("\uD800" + i));
          }
          yield many;
        }
      };
    }
    if (raw == String.class) {
      return switch (random.nextInt(3)) {
        case 0 -> nodes.objectNode().put("$ne", "");
        case 1 -> nodes.arrayNode().add("a");
        default -> hugeText(random);
      };
    }
    if (Number.class.isAssignableFrom(raw) || raw == int.class || raw == long.class || raw == double.class) {
      return switch (random.nextInt(7)) {
        case 0 -> nodes.textNode("twelve");
        case 1 -> nodes.numberNode(new BigDecimal("1E+400"));
        case 2 -> nodes.numberNode(new BigDecimal("-1E+30"));
        case 3 -> nodes.numberNode(new BigInteger("-99999999999999999999999999"));
        case 4 -> nodes.numberNode(new BigDecimal("-0.0000000000000000000001"));
        case 5 -> nodes.textNode("NaN");
        default -> nodes.objectNode();
      };
    }
    if (raw == LocalDate.class) {
      String[] dates = {"2026-02-30", "yesterday", "2026-13-01", "２０２６-01-01", "2026-1-1", "0000-00-00", "'; --"};
      return random.nextInt(8) == 0 ? nodes.numberNode(20260101) : nodes.textNode(dates[random.nextInt(dates.length)]);
    }
    if (raw.isEnum()) {
      String[] names = {"NOT_A_VALUE", "", "pursue", "PURSUE ", "0", "<b>PURSUE</b>"};
      return random.nextInt(6) == 0 ? nodes.objectNode() : nodes.textNode(names[random.nextInt(names.length)]);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return random.nextBoolean() ? nodes.textNode("maybe") : nodes.arrayNode();
    }
    // A free-form form (task completion): fields of the real forms and others, with hostile values.
    ObjectNode form = nodes.objectNode();
    String[] keys = {"decision", "comment", "amount", "currency", "dueDate", "reason", "milestones", "__proto__",
        "constructor", "a".repeat(500)};
    for (int i = 0; i <= random.nextInt(3); i++) {
      form.set(keys[random.nextInt(keys.length)], switch (random.nextInt(3)) {
        case 0 -> hostile(String.class, random, depth + 1);
        case 1 -> hostile(BigDecimal.class, random, depth + 1);
        default -> hostile(LocalDate.class, random, depth + 1);
      });
    }
    return form;
  }

  /** Longer than any text the store keeps, made of SQL, script and unicode fragments. */
  private JsonNode hugeText(Random random) {
    StringBuilder s = new StringBuilder(70_000);
    while (s.length() < 66_000) {
      s.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
    return nodes.textNode(s.toString());
  }

  /** CSV uploads: a wrong header, or the right one with at least one row no rule accepts. */
  private static String[] csv(Random random) {
    String[] bodies = {
        "",
        "name;country;source\nACME;CN;list",
        "name,country,source,aliases\n" + "x,".repeat(50) + "\n",
        "name,country,source,aliases\nACME Corp,ZZZ,OFAC,\n",
        "country,code,category,title,keywords\nCN,1,FORBIDDEN,Title,a;b\n",
        "base,quote,date,rate,source\nUSD,EUR,2026-02-30,1.1,x\n",
        "base,quote,date,rate,source\nUSD,USD,2026-01-01,-1,x\n",
        "base,quote,date,rate,source\nUS$,EUR,2026-01-01,1e999,' OR 1=1 --\n",
        "\u0000\u0001\u0002",
        "base,quote,date,rate,source\n" + "USD,EUR,2026-01-01,1.1,a\n".repeat(3) + "EUR,XXX,2026-01-01,0,b\n"};
    return new String[] {random.nextInt(10) == 0 ? "application/json" : "text/csv", bodies[random.nextInt(bodies.length)]};
  }

  /** Why an answer is not acceptable, or null. */
  private String problemIn(HttpResponse<String> res) {
    if (res.statusCode() >= 500 || res.statusCode() < 400) {
      return "status " + res.statusCode() + ": " + abbreviate(res.body());
    }
    String type = res.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "content type " + type + ": " + abbreviate(res.body());
    }
    try {
      JsonNode p = json.readTree(res.body());
      if (p.path("status").asInt() != res.statusCode() || p.path("title").asText().isEmpty()) {
        return "not a problem document: " + abbreviate(res.body());
      }
      if (res.body().contains("Exception") || res.body().contains("\tat ")) {
        return "leaks internals: " + abbreviate(res.body());
      }
    } catch (Exception e) {
      return "unreadable body: " + abbreviate(res.body());
    }
    return null;
  }

  private Map<String, Object> snapshot(String dealId) {
    Map<String, Object> s = new LinkedHashMap<>();
    for (String table : List.of("deal", "app_user", "centre", "exchange_rate", "denied_party", "export_control_item",
        "distribution_policy", "distribution_share")) {
      s.put(table, db.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    for (String table : List.of("history_event", "valuation", "valuation_choice", "technology_rating", "term_sheet",
        "counterparty_response", "payment", "royalty_report", "note")) {
      s.put(table, db.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE deal_id = ?", Long.class, dealId));
    }
    s.put("deal row", db.queryForMap("SELECT stage, status, version, withdrawal_requested FROM deal WHERE id = ?", dealId));
    s.put("tasks", db.queryForList("SELECT id, state, assignee, follow_up_at, version FROM task WHERE deal_id = ?"
        + " ORDER BY id", dealId));
    s.put("docket", db.queryForList("SELECT item_key, action, version FROM docket_item WHERE deal_id = ? ORDER BY id",
        dealId));
    s.put("users", db.queryForList("SELECT username, password_hash, roles, centres, enabled, version FROM app_user"
        + " ORDER BY username"));
    s.put("centres", db.queryForList("SELECT code, revenue_policy, version FROM centre ORDER BY code"));
    return s;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
