package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OpenApiDiffTest {

  private final ObjectMapper json = new ObjectMapper();

  /** One operation reading a deal and one writing it, with a shared schema and an enum. */
  private static final String BASE = """
      {"paths": {"/deals/{id}": {
         "get": {"parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "string"}},
                                {"in": "query", "name": "view", "schema": {"type": "string", "enum": ["SHORT", "FULL"]}}],
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deal"}}}}}},
         "post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Change"}}}},
                  "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Deal"}}}}}}}},
       "components": {"schemas": {
         "Deal": {"type": "object", "properties": {"id": {"type": "string"}, "amount": {"type": "number"},
                  "stage": {"type": "string", "enum": ["OPEN", "CLOSED"]},
                  "parts": {"type": "array", "items": {"$ref": "#/components/schemas/Deal"}}}},
         "Change": {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"},
                    "note": {"type": "string"}}}}}}
      """;

  private JsonNode doc(String from, String to) throws Exception {
    return json.readTree(BASE.replace(from, to));
  }

  @Test
  void theSameDocumentAndAddedOptionalThingsBreakNothing() throws Exception {
    JsonNode base = json.readTree(BASE);
    assertThat(OpenApiDiff.breaking(base, base)).isEmpty();
    assertThat(OpenApiDiff.breaking(base, doc("\"note\": {\"type\": \"string\"}",
        "\"note\": {\"type\": \"string\"}, \"extra\": {\"type\": \"string\"}"))).isEmpty();
    assertThat(OpenApiDiff.breaking(base, doc("[\"OPEN\", \"CLOSED\"]", "[\"OPEN\", \"CLOSED\", \"HELD\"]"))).isEmpty();
    assertThat(OpenApiDiff.breaking(base, doc("\"required\": [\"title\"]", "\"required\": []"))).isEmpty();
  }

  @Test
  void removedOperationsStatusesAndResponsePropertiesBreak() throws Exception {
    JsonNode base = json.readTree(BASE);
    assertThat(OpenApiDiff.breaking(base, doc("\"post\":", "\"put\":"))).containsExactly("POST /deals/{id}: operation removed");
    assertThat(OpenApiDiff.breaking(base, doc("\"amount\": {\"type\": \"number\"},", "")))
        .contains("GET /deals/{id} response 200.amount: property removed");
    assertThat(OpenApiDiff.breaking(base, doc("\"amount\": {\"type\": \"number\"}", "\"amount\": {\"type\": \"string\"}")))
        .contains("GET /deals/{id} response 200.amount: type \"number\" became \"string\"");
    assertThat(OpenApiDiff.breaking(base, doc("\"responses\": {\"200\"", "\"responses\": {\"201\"")))
        .contains("GET /deals/{id}: response 200 removed");
  }

  @Test
  void newRequiredInputsAndRemovedEnumValuesBreak() throws Exception {
    JsonNode base = json.readTree(BASE);
    assertThat(OpenApiDiff.breaking(base, doc("\"required\": [\"title\"]", "\"required\": [\"title\", \"note\"]")))
        .containsExactly("POST /deals/{id} request application/json: property note is now required");
    assertThat(OpenApiDiff.breaking(base, doc("\"name\": \"view\",", "\"name\": \"view\", \"required\": true,")))
        .containsExactly("GET /deals/{id}: query parameter view is new and required");
    assertThat(OpenApiDiff.breaking(base, doc("{\"in\": \"query\", \"name\": \"view\"",
        "{\"in\": \"query\", \"name\": \"page\", \"required\": true, \"schema\": {\"type\": \"integer\"}}, {\"in\": \"query\", \"name\": \"view\"")))
        .containsExactly("GET /deals/{id}: query parameter page is new and required");
    assertThat(OpenApiDiff.breaking(base, doc("[\"SHORT\", \"FULL\"]", "[\"FULL\"]")))
        .containsExactly("GET /deals/{id} query parameter view: enum value SHORT removed");
    assertThat(OpenApiDiff.breaking(base, doc("[\"OPEN\", \"CLOSED\"]", "[\"OPEN\"]")))
        .contains("GET /deals/{id} response 200.stage: enum value CLOSED removed");
    assertThat(OpenApiDiff.breaking(base, doc("\"requestBody\": {", "\"requestBody\": {\"required\": true, ")))
        .containsExactly("POST /deals/{id}: request body is now required");
    assertThat(OpenApiDiff.breaking(base, doc("\"note\": {\"type\": \"string\"}", "\"note\": {\"type\": \"integer\"}")))
        .containsExactly("POST /deals/{id} request application/json.note: type \"string\" became \"integer\"");
  }
}
