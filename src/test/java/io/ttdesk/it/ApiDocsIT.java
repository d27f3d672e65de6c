package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.ttdesk.local.DemoData;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The API's OpenAPI document: served to signed-in users only, with Swagger UI under the page's
 * security headers; examples on every operation; and no change from the committed docs/openapi.json
 * (breaking changes are listed; any other difference asks for the file to be regenerated).
 */
class ApiDocsIT extends ApiTest {

  static final Path COMMITTED = Path.of("docs/openapi.json");
  static final Path GENERATED = Path.of("target/openapi.json");
  static final String REGENERATE = "./mvnw verify -Dit.test=ApiDocsIT -Dtest=NONE "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  @Test
  void theCommittedDocumentIsCurrentAndNothingBroke() throws Exception {
    JsonNode current = document();
    String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(current) + "\n";
    Files.createDirectories(GENERATED.getParent());
    Files.writeString(GENERATED, text);
    if (Boolean.getBoolean("openapi.update")) {
      if (Files.exists(COMMITTED)) {
        OpenApiDiff.breaking(json.readTree(COMMITTED.toFile()), current)
            .forEach(b -> System.out.println("OPENAPI BREAKING CHANGE ACCEPTED: " + b));
      }
      Files.writeString(COMMITTED, text);
      return;
    }
    if (!Files.exists(COMMITTED)) {
      fail(COMMITTED + " is missing; write it with: " + REGENERATE);
    }
    JsonNode committed = json.readTree(COMMITTED.toFile());
    assertThat(OpenApiDiff.breaking(committed, current))
        .as("breaking changes against %s (if they are intended, version the API or regenerate with: %s)",
            COMMITTED, REGENERATE)
        .isEmpty();
    if (!committed.equals(current)) {
      fail(COMMITTED + " is out of date (the API changed compatibly). Review " + GENERATED
          + ", then regenerate with: " + REGENERATE);
    }
  }

  @Test
  void everyOperationHasASummaryAndAnExampleRequestAndAnswer() throws Exception {
    JsonNode doc = document();
    List<String> missing = new ArrayList<>();
    List<String> operations = new ArrayList<>();
    doc.path("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
      if (!METHODS.contains(m.getKey())) {
        return;
      }
      String op = m.getKey().toUpperCase() + " " + p.getKey();
      operations.add(op);
      if (m.getValue().path("summary").asText().isBlank()) {
        missing.add(op + ": summary");
      }
      m.getValue().path("requestBody").path("content").properties().forEach(c -> {
        if (!hasExample(c.getValue())) {
          missing.add(op + ": request " + c.getKey());
        }
      });
      boolean answered = false;
      for (var r : m.getValue().path("responses").properties()) {
        if (!r.getKey().startsWith("2")) {
          continue;
        }
        answered = true;
        r.getValue().path("content").properties().forEach(c -> {
          if (!hasExample(c.getValue())) {
            missing.add(op + ": response " + r.getKey() + " " + c.getKey());
          }
        });
      }
      if (!answered) {
        missing.add(op + ": no success response");
      }
    }));
    assertThat(missing).as("summaries or examples missing; add them to src/main/resources/api-operations.json")
        .isEmpty();
    assertThat(operations).hasSizeGreaterThan(50).contains("POST /api/v1/deals", "POST /api/v1/tasks/{id}/complete");

    // Every example names an operation that exists, so none is left behind by a change.
    JsonNode examples = json.readTree(new ClassPathResource("api-operations.json").getInputStream());
    List<String> named = new ArrayList<>();
    examples.fieldNames().forEachRemaining(named::add);
    assertThat(operations).containsAll(named);

    // Refusals are problem documents, shared by the operations.
    JsonNode notFound = doc.at("/paths/~1api~1v1~1deals~1{id}/get/responses/404");
    assertThat(notFound.path("$ref").asText()).isEqualTo("#/components/responses/NotFound");
    assertThat(doc.at("/components/responses/BadRequest/content").has("application/problem+json")).isTrue();
    assertThat(doc.at("/components/responses/Conflict/content/application~1problem+json/example/status").asInt())
        .isEqualTo(409);
    // Statuses springdoc cannot see come from the examples: a disclosure answers 201.
    assertThat(doc.at("/paths/~1api~1v1~1deals/post/responses").has("201")).isTrue();
    assertThat(doc.at("/paths/~1api~1v1~1deals/post/responses").has("200")).isFalse();
  }

  @Test
  void theDocumentDescribesTheRestApiOnlyAndHowToSignIn() throws Exception {
    JsonNode doc = document();
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    assertThat(doc.at("/info/title").asText()).isEqualTo("TT Deal Desk API");
    List<String> paths = new ArrayList<>();
    doc.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).isNotEmpty().allMatch(p -> p.startsWith("/api/v1/"));
    assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(doc.path("security").toString()).contains("basic", "bearer");
    assertThat(doc.at("/paths/~1api~1v1~1deals~1{id}~1ledger/get/operationId").asText()).isEqualTo("getDealsByIdLedger");
    assertThat(doc.at("/paths/~1api~1v1~1tasks~1{id}~1complete/post/requestBody/content/application~1json/examples")
        .fieldNames()).toIterable().contains("ScreenDisclosure", "PrepareTermSheet");
  }

  @Test
  void onlySignedInUsersReadTheDocumentAndSwaggerUi() throws Exception {
    for (String user : List.of("broker", "manager", "auditor", "admin")) {
      assertThat(raw(user, "GET", "/v3/api-docs", null, null).statusCode()).as(user).isEqualTo(200);
    }
    HttpResponse<String> anonymous = raw(null, "GET", "/v3/api-docs", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(raw("nobody", "GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(401);
    assertThat(raw(null, "GET", "/v3/api-docs.yaml", null, null).statusCode()).isEqualTo(401);
    assertThat(raw(null, "GET", "/swagger-ui/index.html", null, null).statusCode()).isEqualTo(401);

    // A browser is sent to the workspace's sign-in form, and its session then opens Swagger UI.
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> redirected = browser.send(page("/swagger-ui.html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(redirected.statusCode()).isEqualTo(302);
    assertThat(redirected.headers().firstValue("Location").orElse("")).endsWith("/login");

    String form = browser.send(page("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).as("CSRF field in %s", form).isTrue();
    HttpResponse<String> signedIn = browser.send(page("/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=auditor&password=" + DemoData.PASSWORD + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/desk");

    HttpResponse<String> ui = browser.send(page("/swagger-ui/index.html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui-bundle.js");
    // Its own scripts only: no inline script, and a policy that allows none.
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(ui.body()).find()).isFalse();
    String csp = ui.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'").doesNotContain("script-src");
    assertThat(ui.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    HttpResponse<String> config = browser.send(page("/v3/api-docs/swagger-config").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(json.readTree(config.body()).path("url").asText()).isEqualTo("/v3/api-docs");
    HttpResponse<String> docs = browser.send(page("/v3/api-docs").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(json.readTree(docs.body()).path("openapi").asText()).startsWith("3.1");
  }

  private JsonNode document() throws Exception {
    HttpResponse<String> res = raw("broker", "GET", "/v3/api-docs", null, null);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return json.readTree(res.body());
  }

  private HttpRequest.Builder page(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
  }

  private static boolean hasExample(JsonNode mediaType) {
    return mediaType.has("example") || !mediaType.path("examples").isEmpty();
  }
}
