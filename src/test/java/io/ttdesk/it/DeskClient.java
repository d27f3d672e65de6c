package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.local.DemoData;
import io.ttdesk.local.RequestBodies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Calls the application as the demo users, through its REST API and its pages, and drives deals
 * into known states. Subclasses say which application to call: its engine and database.
 */
abstract class DeskClient {

  @LocalServerPort
  int port;

  @Autowired
  ObjectMapper json;

  @Autowired
  org.springframework.web.context.WebApplicationContext context;

  @Autowired
  org.springframework.security.core.userdetails.UserDetailsService users;

  /** The pages through Spring MVC with its security filters, for requests made as a given user. */
  org.springframework.test.web.servlet.MockMvc mvc;

  @org.junit.jupiter.api.BeforeEach
  void pages() {
    mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
        .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
  }

  /** A page request made as that demo user, signed in. */
  <B extends org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> B as(String username,
      B request) {
    request.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
        users.loadUserByUsername(username)));
    return request;
  }

  /** One method and path the application maps, with its handler. */
  record Mapped(String method, String pattern, HandlerMethod handler, RequestMappingInfo info) {}

  /** Every method and path the application maps (but the live task stream, which never ends), in order. */
  List<Mapped> mapped() {
    List<Mapped> found = new ArrayList<>();
    context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
        .forEach((info, handler) -> {
          if (info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM)) {
            return;
          }
          for (String pattern : info.getPatternValues()) {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
              found.add(new Mapped(method.name(), pattern, handler, info));
            }
          }
        });
    found.sort(Comparator.comparing(Mapped::pattern).thenComparing(Mapped::method));
    return found;
  }

  private final HttpClient http = HttpClient.newHttpClient();

  /** A request exactly as given: any method, content type and body (none for a null body), as that user. */
  HttpResponse<String> raw(String user, String method, String path, String contentType, String body)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path.replace(" ", "%20")))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (user != null) {
      r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD)
          .getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * The status any mapped path answers that user: the API over HTTP with an empty JSON object as the
   * body of a write, pages through Spring MVC signed in, with a CSRF token.
   */
  int statusOf(String user, String method, String path) throws Exception {
    if (path.startsWith("/desk")) {
      return mvc.perform(as(user, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
              org.springframework.http.HttpMethod.valueOf(method), path))
          .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
          .andReturn().getResponse().getStatus();
    }
    return raw(user, method, path, "application/json", method.equals("GET") ? null : "{}").statusCode();
  }

  /** An answer; {@code total} is a list's X-Total-Count. */
  record Reply(int status, JsonNode body, String location, String total) {

    Reply(int status, JsonNode body, String location) {
      this(status, body, location, null);
    }

    Reply expect(int expected) {
      assertThat(status).as("HTTP status, body %s", body).isEqualTo(expected);
      return this;
    }

    /** The RFC 9457 problem names this field. */
    Reply problemOn(String field) {
      assertThat(body.path("errors").findValuesAsText("field")).as("fields in %s", body).contains(field);
      return this;
    }
  }

  Reply call(String user, String method, String path, Object body) {
    RestClient.RequestBodySpec spec = RestClient.create("http://localhost:" + port)
        .method(org.springframework.http.HttpMethod.valueOf(method))
        .uri(path)
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    if (user != null) {
      spec.headers(h -> h.setBasicAuth(user, DemoData.PASSWORD));
    }
    if (body != null) {
      spec.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return spec.exchange((req, res) -> {
      byte[] bytes = res.getBody().readAllBytes();
      JsonNode node = bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
      HttpStatusCode status = res.getStatusCode();
      return new Reply(status.value(), node, res.getHeaders().getFirst("Location"),
          res.getHeaders().getFirst("X-Total-Count"));
    });
  }

  Reply get(String user, String path) {
    return call(user, "GET", path, null);
  }

  Reply post(String user, String path, Object body) {
    return call(user, "POST", path, body);
  }

  // ---- deals in known states ----

  static Map<String, Object> disclosure(String centre, String ownerCountry, String targetCountry, String licensee) {
    return RequestBodies.disclosure(centre, ownerCountry, targetCountry, licensee);
  }

  String disclose(Map<String, Object> disclosure) {
    return post("broker", "/api/v1/deals", disclosure).expect(201).body().get("id").asText();
  }

  /** Waits until the deal has an open task of that type, as the user sees it, and returns its id. */
  long awaitTask(String user, String dealId, String type) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      JsonNode tasks = get(user, "/api/v1/tasks?dealId=" + dealId).expect(200).body();
      return StreamSupport.stream(tasks.spliterator(), false).filter(t -> t.get("type").asText().equals(type))
          .map(t -> t.get("id").asLong()).findFirst().orElse(null);
    }, java.util.Objects::nonNull);
  }

  void complete(String user, String dealId, String type, Map<String, Object> form) {
    long task = awaitTask(user, dealId, type);
    post(user, "/api/v1/tasks/" + task + "/complete", form).expect(200);
  }

  JsonNode deal(String dealId) {
    return get("manager", "/api/v1/deals/" + dealId).expect(200).body();
  }

  void awaitStage(String dealId, String stage) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> deal(dealId).get("stage").asText(), stage::equals);
  }

  List<String> historyTypes(String dealId) {
    return StreamSupport.stream(get("auditor", "/api/v1/deals/" + dealId + "/history").expect(200).body().spliterator(), false)
        .map(e -> e.get("type").asText()).toList();
  }

  static Map<String, Object> termSheet(int upfront, String milestoneDue) {
    return RequestBodies.termSheet(upfront, milestoneDue);
  }

  /** A domestic deal with no reviews or approvals, driven to the stage where it awaits an answer. */
  String dealAwaitingAnswer() {
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    complete("broker", id, "PrepareTermSheet", termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    awaitStage(id, "NEGOTIATION");
    return id;
  }

  String dealInExecution() {
    return dealSignedOn(LocalDate.now());
  }

  /** Accepted and signed on that day: the upfront fee falls due 30 days later, the milestone in six months. */
  String dealSignedOn(LocalDate signedOn) {
    String id = dealAwaitingAnswer();
    post("broker", "/api/v1/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT")).expect(202);
    post("broker", "/api/v1/deals/" + id + "/signature",
        Map.of("signedOn", signedOn.toString(), "signedBy", "Licensee CEO")).expect(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> deal(id).get("schedule").size() == 2);
    return id;
  }
}
