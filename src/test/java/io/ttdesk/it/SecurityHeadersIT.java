package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttdesk.local.DemoData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Headers that keep answers from being framed, sniffed or cached, and the size limit on request bodies. */
class SecurityHeadersIT extends ApiTest {

  @Autowired
  JdbcTemplate db;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void apiAnswersAndPagesCarryTheProtectiveHeaders() throws Exception {
    HttpResponse<String> api = raw("broker", "GET", "/api/v1/deals", null, null);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(api.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
    assertThat(api.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();

    HttpResponse<String> login = raw(null, "GET", "/login", null, null);
    assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.body()).doesNotContain("Apache Tomcat", "Whitelabel");
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsReadAndNothingIsStored() throws Exception {
    long deals = db.queryForObject("SELECT COUNT(*) FROM deal", Long.class);
    String big = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
    HttpResponse<String> res = raw("broker", "POST", "/api/v1/deals", "application/json", big);
    assertThat(res.statusCode()).isEqualTo(413);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(json.readTree(res.body()).get("status").asInt()).isEqualTo(413);
    // Refused before the password is even checked.
    assertThat(raw("nobody", "POST", "/api/v1/deals", "application/json", big).statusCode()).isEqualTo(413);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM deal", Long.class)).isEqualTo(deals);

    // Sent without a length (chunked), the same body is refused once it passes the limit.
    assertThat(chunked("/api/v1/deals", "application/json", big).statusCode()).isEqualTo(413);
    assertThat(chunked("/api/v1/exchange-rates/import", "text/csv",
        "base,quote,date,rate,source\n" + "USD,EUR,2026-01-01,1.1,x\n".repeat(900_000)).statusCode()).isEqualTo(413);
    assertThat(chunked("/api/v1/deals", "application/json", "{}").statusCode()).isEqualTo(400);
    assertThat(db.queryForObject("SELECT COUNT(*) FROM deal", Long.class)).isEqualTo(deals);
  }

  private HttpResponse<String> chunked(String path, String type, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String user = path.contains("exchange-rates") ? "admin" : "broker";
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + DemoData.PASSWORD)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
        .build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }
}
