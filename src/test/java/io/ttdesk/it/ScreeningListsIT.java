package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Versioned denied-party lists and export-control catalogues, imported by admins from CSV. */
class ScreeningListsIT extends ApiTest {

  @Test
  void listsAreImportedWholeOrNotAtAllAndOnlyByAdmins() {
    String header = "name,country,source,aliases\n";
    csv("manager", "/denied-parties?version=T1", header + "Acme Dual Use,RU,Test list,\n").expect(403);
    csv("admin", "/denied-parties?version=T1", "wrong\n").expect(400).problemOn("file");
    csv("admin", "/denied-parties?version=T1", header + "Acme Dual Use,RU,Test list,\n,RU,Test list,\nB,RUS,x,\n")
        .expect(400).problemOn("line 3").problemOn("line 4");
    csv("admin", "/denied-parties?version=bad version", header + "Acme,RU,Test,\n").expect(400).problemOn("version");

    String catalogue = "country,code,category,title,keywords\n";
    csv("admin", "/export-catalogue?version=T1", catalogue + "CN,X-1,BANNED,Thing,thing\n").expect(400).problemOn("line 2");
    csv("broker", "/export-catalogue?version=T1", catalogue + "CN,X-1,RESTRICTED,Thing,thing\n").expect(403);
  }

  @Test
  void aNameListedOnlyInCyrillicIsFoundThroughItsAlias() {
    Map<String, Object> d = new java.util.HashMap<>(disclosure("SHA", "CN", "DE", null));
    d.put("licensee", Map.of("name", "Orion Tekhnologii Dvoynogo Naznacheniya", "country", "DE"));
    String id = disclose(d);
    complete("broker", id, "ScreenDisclosure", Map.of("decision", "PURSUE"));
    awaitTask("manager", id, "DecideScreeningHit");
    JsonNode screening = StreamSupport.stream(deal(id).get("ipChecks").spliterator(), false)
        .filter(c -> c.get("kind").asText().equals("SCREENING")).findFirst().orElseThrow();
    assertThat(screening.get("result").asText()).isEqualTo("MATCH");
    JsonNode hit = screening.get("evidence").get("hits").get(0);
    assertThat(hit.get("listed").asText()).isEqualTo("Orion Dual-Use Technologies LLC");
    assertThat(hit.get("matchedName").asText()).isEqualTo("Орион Технологии двойного назначения");
    assertThat(screening.get("evidence").get("classification").get("category").asText()).isEqualTo("FREE");
  }

  private Reply csv(String user, String path, String body) {
    return RestClient.create("http://localhost:" + port).post().uri("/api/v1/screening-lists" + path)
        .headers(h -> h.setBasicAuth(user, io.ttdesk.local.DemoData.PASSWORD))
        .contentType(MediaType.parseMediaType("text/csv")).body(body.getBytes())
        .exchange((req, res) -> {
          byte[] bytes = res.getBody().readAllBytes();
          return new Reply(res.getStatusCode().value(), bytes.length == 0 ? json.nullNode() : json.readTree(bytes), null);
        });
  }
}
