package io.ttdesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailSignerTest {

  @TempDir
  Path dir;

  @Test
  void theCentresKeyFilesSignAndTheirPublicHalfVerifies() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    TrailSigner signer = new TrailSigner(write("key.pem", "PRIVATE KEY", pair.getPrivate().getEncoded()),
        write("pub.pem", "PUBLIC KEY", pair.getPublic().getEncoded()));
    String statement = TrailSigner.statement("deal-1", 7, "ab".repeat(32), "2026-11-22T05:00:00Z");
    Signature check = Signature.getInstance("Ed25519");
    check.initVerify(pair.getPublic());
    check.update(statement.getBytes(StandardCharsets.UTF_8));
    assertThat(check.verify(Base64.getDecoder().decode(signer.sign(statement)))).isTrue();
    assertThat(signer.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(signer.keyId()).hasSize(64);
  }

  @Test
  void aPublicKeyOfAnotherPairIsRefusedAtStart() throws Exception {
    KeyPair one = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String key = write("key.pem", "PRIVATE KEY", one.getPrivate().getEncoded());
    String pub = write("pub.pem", "PUBLIC KEY", other.getPublic().getEncoded());
    assertThatThrownBy(() -> new TrailSigner(key, pub)).hasMessageContaining("does not belong");
  }

  private String write(String name, String label, byte[] der) throws Exception {
    String pem = "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label
        + "-----\n";
    return Files.writeString(dir.resolve(name), pem).toString();
  }
}
