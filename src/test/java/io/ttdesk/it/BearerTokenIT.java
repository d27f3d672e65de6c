package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ttdesk.local.DemoData;
import io.ttdesk.local.EmbeddedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an identity provider configured, the API takes bearer tokens only: a valid token names a
 * user the application knows, whose roles and centres still come from the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"ttdesk.demo.deals=false", "ttdesk.docket.check-cron=-", "ttdesk.files.dir=target/test-files",
        "ttdesk.tasks.keep-interval=PT24H", "camunda.client.worker.defaults.enabled=false"})
class BearerTokenIT {

  private static final KeyPair IDP = keys();
  private static final KeyPair STRANGER = keys();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
    EmbeddedInfrastructure.shared().properties().forEach((k, v) -> registry.add(k, () -> v));
    Path pem = Files.createDirectories(Path.of("target/oidc")).resolve("idp-public.pem");
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(IDP.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem.toAbsolutePath());
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aValidTokenForAKnownUserActsWithThatUsersRolesAndCentres() throws Exception {
    assertThat(get("/api/v1/deals", "Bearer " + token(IDP, "broker", 300))).isEqualTo(200);
    assertThat(get("/api/v1/pipeline", "Bearer " + token(IDP, "broker", 300))).isEqualTo(403);
    assertThat(get("/api/v1/pipeline", "Bearer " + token(IDP, "manager", 300))).isEqualTo(200);
  }

  @Test
  void expiredForgedOrUnknownTokensAndPasswordsAreRefused() throws Exception {
    assertThat(get("/api/v1/deals", "Bearer " + token(IDP, "broker", -600))).isEqualTo(401);
    assertThat(get("/api/v1/deals", "Bearer " + token(STRANGER, "broker", 300))).isEqualTo(401);
    assertThat(get("/api/v1/deals", "Bearer " + token(IDP, "mallory", 300))).isEqualTo(401);
    assertThat(get("/api/v1/deals", "Bearer not-a-token")).isEqualTo(401);
    assertThat(get("/api/v1/deals", null)).isEqualTo(401);
    String basic = "Basic " + Base64.getEncoder().encodeToString(("broker:" + DemoData.PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    assertThat(get("/api/v1/deals", basic)).isEqualTo(401);
  }

  @Test
  void theApiDescriptionTakesTheSameTokensAndNoPasswords() throws Exception {
    assertThat(get("/v3/api-docs", "Bearer " + token(IDP, "auditor", 300))).isEqualTo(200);
    assertThat(get("/v3/api-docs", "Bearer " + token(STRANGER, "auditor", 300))).isEqualTo(401);
    assertThat(get("/v3/api-docs", "Basic " + Base64.getEncoder().encodeToString(("auditor:" + DemoData.PASSWORD)
        .getBytes(StandardCharsets.UTF_8)))).isEqualTo(401);
    assertThat(get("/v3/api-docs", null)).isEqualTo(401);
  }

  private int get(String path, String authorization) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() == 401) {
      assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
    return res.statusCode();
  }

  private static String token(KeyPair signer, String username, long validSeconds) throws Exception {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
        .subject("idp-" + username).claim("preferred_username", username).issueTime(Date.from(now.minusSeconds(120)))
        .expirationTime(Date.from(now.plusSeconds(validSeconds))).build());
    jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
    return jwt.serialize();
  }

  private static KeyPair keys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
