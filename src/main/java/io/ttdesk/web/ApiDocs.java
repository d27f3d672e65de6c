package io.ttdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The REST API's OpenAPI description: what springdoc reads from the controllers, plus how to sign
 * in, the problem documents every operation may answer, and each operation's summary and examples.
 * Those live in {@code api-operations.json}, keyed by {@code "METHOD /path"}, so the controllers
 * stay plain: {@code summary}, {@code request} (or named {@code requests}) and {@code responses} by
 * status. An example's status is the one the operation answers (springdoc cannot see
 * {@code ResponseEntity.created(..)} or {@code accepted()}), and {@code produces} the type of a
 * download.
 */
@Configuration
class ApiDocs {

  static final String OPERATIONS = "api-operations.json";
  private static final String PROBLEM_JSON = "application/problem+json";

  static {
    // Jackson writes a currency as its ISO 4217 code.
    SpringDocUtils.getConfig().replaceWithClass(Currency.class, String.class);
  }

  @Bean
  OpenAPI apiDescription() {
    return new OpenAPI()
        .info(new Info().title("TT Deal Desk API").version("v1").description("""
            Technology-transfer deals from disclosure to a split payment: deals, their tasks, \
            valuations, IP checks, term sheets, payments, ledgers and hash-chained case trails, \
            and the administration of users, centres, policies, screening lists and rates.

            Sign in with HTTP Basic as a user of the application. When an identity provider is \
            configured, the API takes its bearer tokens (JWT) instead, and HTTP Basic is off. The \
            workspace's sign-in form and session (pages under /desk) are not used by the API. What \
            a user sees is limited to their centres: another centre's deal or task answers 404, a \
            role that may not act 403.

            Refusals are RFC 9457 problem documents (application/problem+json); a 400 lists each \
            field and its reason in `errors`. A refused request changes nothing."""))
        .servers(List.of(new Server().url("/").description("this server")))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A user of the application and their password (off when an identity provider is configured)."))
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("A token from the configured identity provider; its username claim names a user of the application.")))
        .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer")));
  }

  @Bean
  OpenApiCustomizer problemsAndExamples(ObjectMapper json) throws IOException {
    JsonNode operations;
    try (InputStream in = new ClassPathResource(OPERATIONS).getInputStream()) {
      operations = json.readTree(in);
    }
    return api -> {
      addProblems(api.getComponents(), json);
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
        refusals(path, method, op);
        // Stable names, whatever order springdoc meets the controllers in: getDealsByIdLedger.
        op.setOperationId(operationId(method, path));
        if (op.getTags() != null) {
          op.setTags(op.getTags().stream().map(t -> t.replace("-controller", "")).toList());
        }
        JsonNode described = operations.path(method + " " + path);
        if (!described.isMissingNode()) {
          op.setSummary(described.path("summary").asText(null));
          addExamples(op, described, json);
        }
      }));
    };
  }

  /** The refusals an operation can meet, each a shared response with a problem document. */
  private static void refusals(String path, PathItem.HttpMethod method, Operation op) {
    ApiResponses responses = op.getResponses();
    boolean hasInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
    if (hasInput) {
      responses.addApiResponse("400", ref("BadRequest"));
    }
    responses.addApiResponse("401", ref("Unauthorized"));
    responses.addApiResponse("403", ref("Forbidden"));
    if (path.contains("{")) {
      responses.addApiResponse("404", ref("NotFound"));
    }
    if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
      responses.addApiResponse("409", ref("Conflict"));
    }
  }

  static String operationId(PathItem.HttpMethod method, String path) {
    StringBuilder id = new StringBuilder(method.name().toLowerCase());
    for (String part : path.replaceFirst("^/api/v\\d+", "").split("[/.-]")) {
      boolean variable = part.startsWith("{");
      part = part.replaceAll("[{}]", "");
      if (!part.isEmpty()) {
        id.append(variable ? "By" : "").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }

  private static ApiResponse ref(String name) {
    return new ApiResponse().$ref("#/components/responses/" + name);
  }

  private static void addExamples(Operation op, JsonNode example, ObjectMapper json) {
    if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
      if (example.has("request")) {
        Object value = json.convertValue(example.get("request"), Object.class);
        op.getRequestBody().getContent().values().forEach(m -> m.setExample(value));
      }
      example.path("requests").properties().forEach(named -> op.getRequestBody().getContent().values()
          .forEach(m -> m.addExamples(named.getKey(), new Example().summary(named.getKey())
              .value(json.convertValue(named.getValue(), Object.class)))));
    }
    String produces = example.path("produces").asText(null);
    example.path("responses").properties().forEach(e -> {
      ApiResponses responses = op.getResponses();
      ApiResponse response = responses.get(e.getKey());
      if (response == null) {
        // The operation answers another success than the 200 springdoc assumed: same body, right status.
        response = responses.remove("200");
        if (response == null) {
          response = new ApiResponse();
        }
        response.setDescription(switch (e.getKey()) {
          case "201" -> "Created";
          case "202" -> "Accepted";
          case "204" -> "No Content";
          default -> response.getDescription();
        });
        responses.addApiResponse(e.getKey(), response);
      }
      if (e.getValue().isNull()) {
        response.setContent(null);
      } else if (response.getContent() != null) {
        if (produces != null) {
          // A download the controller writes itself: the type it sets, not the default JSON.
          MediaType only = response.getContent().values().iterator().next();
          response.setContent(new Content().addMediaType(produces, only));
        }
        Object value = json.convertValue(e.getValue(), Object.class);
        response.getContent().values().forEach(m -> m.setExample(value));
      }
    });
  }

  private static void addProblems(Components components, ObjectMapper json) {
    components.addSchemas("Problem", object("An RFC 9457 problem document.", Map.of(
        "type", string("A URI that names the kind of problem."),
        "title", string("The kind of problem, for people."),
        "status", new JsonSchema().types(Set.of("integer")).format("int32").description("The HTTP status."),
        "detail", string("This occurrence, for people."),
        "instance", string("The request path."),
        "errors", new JsonSchema().types(Set.of("array")).description("Each field refused and why.")
            .items(object("A field and its reason.", Map.of("field", string("The field, as a JSON path."),
                "reason", string("Why it was refused.")))))));
    components.addResponses("BadRequest", problem(json, "Invalid input: each field and its reason in errors.",
        "invalid-input", 400, "Invalid input", "inventors shares must add up to 100, not 90",
        List.of(Map.of("field", "inventors", "reason", "shares must add up to 100, not 90"))));
    components.addResponses("Unauthorized", problem(json, "No valid sign-in.", "unauthorized", 401,
        "Sign-in required", "Send HTTP Basic credentials.", null));
    components.addResponses("Forbidden", problem(json, "The caller's role may not do this.", "forbidden", 403,
        "Forbidden", "Your role does not allow this.", null));
    components.addResponses("NotFound", problem(json, "Not found, or in a centre the caller may not see.",
        "not-found", 404, "Not found", "deal not found: 0b0f3c2e-0000-0000-0000-000000000000", null));
    components.addResponses("Conflict", problem(json, "Not allowed in the deal's or task's current state; nothing changed.",
        "conflict", 409, "Not allowed in the current state", "no offer is awaiting an answer",
        List.of(Map.of("field", "response", "reason", "no offer is awaiting an answer"))));
  }

  private static ApiResponse problem(ObjectMapper json, String description, String type, int status, String title,
      String detail, List<Map<String, String>> errors) {
    var example = json.createObjectNode().put("type", "https://ttdesk.io/problems/" + type).put("title", title)
        .put("status", status).put("detail", detail);
    if (errors != null) {
      example.set("errors", json.valueToTree(errors));
    }
    return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
            .example(json.convertValue(example, Object.class))));
  }

  private static Schema<?> object(String description, Map<String, Schema<?>> properties) {
    Schema<?> s = new JsonSchema().types(Set.of("object")).description(description);
    properties.forEach(s::addProperty);
    return s;
  }

  private static Schema<?> string(String description) {
    return new JsonSchema().types(Set.of("string")).description(description);
  }
}
