package io.ttdesk.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs the head of an exported trail with the centre's Ed25519 key: a PKCS#8 PEM private key and
 * its X.509 PEM public key, as {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey
 * -pubout} write them. Without them a key pair is made at start: fine for a demo, proof of nothing.
 */
@Component
public class TrailSigner {

  private static final Logger log = LoggerFactory.getLogger(TrailSigner.class);
  public static final String ALGORITHM = "Ed25519";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  TrailSigner(@Value("${ttdesk.trail.signing-key-file:}") String keyFile,
      @Value("${ttdesk.trail.public-key-file:}") String publicFile) {
    try {
      if (keyFile.isBlank()) {
        log.warn("No ttdesk.trail.signing-key-file: trail exports are signed with a key made at start");
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        privateKey = pair.getPrivate();
        publicKey = pair.getPublic();
      } else {
        privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pem(Path.of(keyFile))));
        publicKey = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pem(Path.of(publicFile))));
        // A public key that does not belong to the private one would make every export unverifiable.
        Signature check = Signature.getInstance(ALGORITHM);
        check.initVerify(publicKey);
        check.update(new byte[] {1});
        if (!check.verify(Base64.getDecoder().decode(sign(new byte[] {1})))) {
          throw new IllegalStateException("the trail public key does not belong to the signing key");
        }
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot read the trail signing key " + keyFile, e);
    }
  }

  /** The statement signed for an export: the chain's head for one deal at one time. */
  public static String statement(String dealId, int seq, String head, String signedAt) {
    return "ttdesk-trail-v1\n" + dealId + "\n" + seq + "\n" + head + "\n" + signedAt + "\n";
  }

  public String sign(String statement) {
    return sign(statement.getBytes(StandardCharsets.UTF_8));
  }

  private String sign(byte[] bytes) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(privateKey);
      s.update(bytes);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key an outside party verifies with, as PEM. */
  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
  }

  /** SHA-256 of the public key, so a document names the key that signed it. */
  public String keyId() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pem(Path file) throws IOException {
    String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(text);
  }
}
