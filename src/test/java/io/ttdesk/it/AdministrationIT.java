package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Only administrators manage users and centres; what they change takes effect at the next request. */
class AdministrationIT extends ApiTest {

  private static final String PASSWORD = "correct horse battery";

  @Test
  void anAdministratorAddsACentreOnceWithCheckedFields() {
    String code = "C" + (System.nanoTime() % 1_000_000);
    JsonNode created = post("admin", "/api/v1/centres", Map.of("code", code, "name", "Nairobi Transfer Office",
        "country", "KE", "currency", "KES")).expect(201).body();
    assertThat(created.get("revenuePolicy").asText()).isEqualTo("STANFORD_CLASSIC");
    assertThat(get("admin", "/api/v1/centres/" + code).expect(200).body().get("currency").asText()).isEqualTo("KES");
    get("admin", "/api/v1/centres/NOPE").expect(404);
    assertThat(get("admin", "/api/v1/centres").expect(200).body().findValuesAsText("code")).contains(code, "SHA");
    post("admin", "/api/v1/centres", Map.of("code", code, "name", "Again", "country", "KE", "currency", "KES"))
        .expect(409).problemOn("code");
    post("admin", "/api/v1/centres", Map.of("code", "x-1", "name", "", "country", "XX", "currency", "EURO"))
        .expect(400).problemOn("code").problemOn("name").problemOn("country").problemOn("currency");
    for (String user : List.of("broker", "manager", "auditor")) {
      post(user, "/api/v1/centres", Map.of("code", code + "X", "name", "n", "country", "KE", "currency", "KES"))
          .expect(403);
      get(user, "/api/v1/centres").expect(403);
    }
  }

  @Test
  void anAdministratorManagesUsersAndTheirAccessChangesAtOnce() {
    String name = "u" + (System.nanoTime() % 1_000_000);
    JsonNode created = post("admin", "/api/v1/users", Map.of("username", name, "displayName", "Grace Hopper",
        "password", PASSWORD, "roles", List.of("BROKER"), "centres", List.of("BER"))).expect(201).body();
    assertThat(created.has("password")).isFalse();
    assertThat(created.has("passwordHash")).isFalse();
    assertThat(get("admin", "/api/v1/users/" + name).expect(200).body().get("roles").toString()).contains("BROKER");
    assertThat(status(name, PASSWORD, "/api/v1/deals?centre=BER")).isEqualTo(200);
    assertThat(status(name, PASSWORD, "/api/v1/pipeline")).isEqualTo(403);

    post("admin", "/api/v1/users", Map.of("username", name, "displayName", "Again", "password", PASSWORD,
        "roles", List.of("BROKER"), "centres", List.of("BER"))).expect(409).problemOn("username");
    post("admin", "/api/v1/users", Map.of("username", "Bad Name", "displayName", "x", "password", "short",
        "roles", List.of("KING"), "centres", List.of("NOWHERE"))).expect(400)
        .problemOn("username").problemOn("password").problemOn("roles").problemOn("centres");
    post("admin", "/api/v1/users", Map.of("username", name + "z", "displayName", "x", "password", PASSWORD,
        "roles", List.of("AUDITOR"), "centres", List.of())).expect(400).problemOn("centres");

    call("admin", "PUT", "/api/v1/users/" + name, Map.of("displayName", "Grace Hopper", "roles", List.of("MANAGER"),
        "centres", List.of("BER"), "enabled", true)).expect(200);
    assertThat(status(name, PASSWORD, "/api/v1/pipeline")).isEqualTo(200);
    call("admin", "PUT", "/api/v1/users/" + name + "/password", Map.of("password", "short")).expect(400)
        .problemOn("password");
    call("admin", "PUT", "/api/v1/users/" + name + "/password", Map.of("password", PASSWORD + "!")).expect(204);
    assertThat(status(name, PASSWORD, "/api/v1/deals")).isEqualTo(401);
    assertThat(status(name, PASSWORD + "!", "/api/v1/deals")).isEqualTo(200);
    call("admin", "PUT", "/api/v1/users/" + name, Map.of("displayName", "Grace Hopper", "roles", List.of("MANAGER"),
        "centres", List.of("BER"), "enabled", false)).expect(200);
    assertThat(status(name, PASSWORD + "!", "/api/v1/deals")).isEqualTo(401);
    // An edit that leaves "enabled" out keeps the account disabled.
    call("admin", "PUT", "/api/v1/users/" + name, Map.of("displayName", "Grace B. Hopper", "roles",
        List.of("MANAGER"), "centres", List.of("BER"))).expect(200);
    assertThat(status(name, PASSWORD + "!", "/api/v1/deals")).isEqualTo(401);

    call("admin", "PUT", "/api/v1/users/admin", Map.of("displayName", "Site administrator", "roles", List.of("ADMIN"),
        "centres", List.of(), "enabled", false)).expect(400).problemOn("enabled");
    // Spelt in capitals the address still names the administrator's own account.
    call("admin", "PUT", "/api/v1/users/ADMIN", Map.of("displayName", "Site administrator", "roles",
        List.of("BROKER"), "centres", List.of("SHA"))).expect(400).problemOn("roles");
    call("admin", "PUT", "/api/v1/users/nobody-here", Map.of("displayName", "x", "roles", List.of("ADMIN"),
        "centres", List.of())).expect(404);
    JsonNode all = get("admin", "/api/v1/users").expect(200).body();
    assertThat(all.findValuesAsText("username")).contains(name, "broker");
    assertThat(all.toString()).doesNotContain("$2a$");
    for (String user : List.of("broker", "manager", "auditor")) {
      get(user, "/api/v1/users").expect(403);
      post(user, "/api/v1/users", Map.of("username", name + "y", "displayName", "x", "password", PASSWORD,
          "roles", List.of("ADMIN"), "centres", List.of())).expect(403);
      call(user, "PUT", "/api/v1/users/" + user, Map.of("displayName", "x", "roles", List.of("ADMIN"),
          "centres", List.of())).expect(403);
    }
  }

  @Test
  void aSignedInPageSessionFollowsTheAdministratorsChanges() throws Exception {
    String name = "p" + (System.nanoTime() % 1_000_000);
    post("admin", "/api/v1/users", Map.of("username", name, "displayName", "Page user", "password", PASSWORD,
        "roles", List.of("BROKER"), "centres", List.of("SHA"))).expect(201);
    var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                .user(name).password(PASSWORD))
        .andReturn().getRequest().getSession(false);
    assertThat(pageStatus(session, "/desk/tasks")).isEqualTo(200);
    assertThat(pageStatus(session, "/desk/pipeline")).isEqualTo(403);
    call("admin", "PUT", "/api/v1/users/" + name, Map.of("displayName", "Page user", "roles", List.of("MANAGER"),
        "centres", List.of("SHA"), "enabled", true)).expect(200);
    assertThat(pageStatus(session, "/desk/pipeline")).isEqualTo(200);
    call("admin", "PUT", "/api/v1/users/" + name, Map.of("displayName", "Page user", "roles", List.of("MANAGER"),
        "centres", List.of("SHA"), "enabled", false)).expect(200);
    // Signed out: the next page sends the browser to the sign-in form.
    assertThat(pageStatus(session, "/desk/pipeline")).isEqualTo(302);
  }

  private int pageStatus(org.springframework.mock.web.MockHttpSession session, String path) throws Exception {
    return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).session(session))
        .andReturn().getResponse().getStatus();
  }

  private int status(String user, String password, String path) {
    return RestClient.create("http://localhost:" + port).get().uri(path).accept(MediaType.APPLICATION_JSON)
        .headers(h -> h.setBasicAuth(user, password))
        .exchange((req, res) -> res.getStatusCode().value());
  }
}
