import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a deal's trail exported by TT Deal Desk, with nothing but a JDK 17 or newer:
 *
 *   java VerifyTrail.java trail-SHA-2026-0001.json centre-public-key.pem
 *
 * It recomputes every event's SHA-256 from its fields and the previous event's hash, checks that
 * the chain ends at the signed head, and checks the centre's Ed25519 signature over that head.
 * Prints VERIFIED and exits 0, or prints FAILED with the first problem and exits 1.
 */
public class VerifyTrail {

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.out.println("usage: java VerifyTrail.java <trail.json> <public-key.pem>");
      System.exit(2);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) new Json(Files.readString(Path.of(args[0]))).value();
    String problem = check(doc, Files.readString(Path.of(args[1])));
    if (problem == null) {
      System.out.println("VERIFIED " + doc.get("reference") + ": " + ((List<?>) doc.get("events")).size()
          + " events, head " + ((Map<?, ?>) doc.get("head")).get("hash"));
    } else {
      System.out.println("FAILED " + doc.get("reference") + ": " + problem);
      System.exit(1);
    }
  }

  static String check(Map<String, Object> doc, String pem) throws Exception {
    if (!"ttdesk-trail-v1".equals(doc.get("format"))) {
      return "not a ttdesk-trail-v1 document";
    }
    String prev = "0".repeat(64);
    long expected = 1;
    for (Object o : (List<?>) doc.get("events")) {
      Map<?, ?> e = (Map<?, ?>) o;
      long seq = ((Number) e.get("seq")).longValue();
      if (seq != expected) {
        return "event at place " + seq + " follows place " + (expected - 1) + ": events are missing or out of order";
      }
      if (!prev.equals(e.get("prevHash"))) {
        return "event at place " + seq + " does not follow the event before it";
      }
      StringBuilder in = new StringBuilder();
      for (String name : new String[] {"seq", "dealId", "occurredAt", "actor", "actorKind", "type", "summary", "data",
          "prevHash"}) {
        String field = name.equals("seq") ? Long.toString(seq) : (String) e.get(name);
        in.append(field.length()).append(':').append(field);
      }
      if (e.get("actorRole") instanceof String role) {
        in.append(role.length()).append(':').append(role);
      }
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(in.toString().getBytes(StandardCharsets.UTF_8)));
      if (!hash.equals(e.get("hash"))) {
        return "event at place " + seq + " (" + e.get("type") + ") was changed: its content does not give its hash";
      }
      prev = hash;
      expected++;
    }
    Map<?, ?> head = (Map<?, ?>) doc.get("head");
    if (((Number) head.get("seq")).longValue() != expected - 1 || !prev.equals(head.get("hash"))) {
      return "the events end at place " + (expected - 1) + " but the signed head is at place " + head.get("seq");
    }
    String statement = "ttdesk-trail-v1\n" + doc.get("dealId") + "\n" + head.get("seq") + "\n" + head.get("hash") + "\n"
        + doc.get("signedAt") + "\n";
    byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    Signature signature = Signature.getInstance("Ed25519");
    signature.initVerify(key);
    signature.update(statement.getBytes(StandardCharsets.UTF_8));
    if (!signature.verify(Base64.getDecoder().decode((String) doc.get("signature")))) {
      return "the signature does not match the head and this public key";
    }
    return null;
  }

  /** Just enough JSON: objects, arrays, strings with escapes, numbers, true, false, null. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object value() {
      skip();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skip();
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        while (true) {
          skip();
          String k = string();
          skip();
          i++; // colon
          m.put(k, value());
          skip();
          if (s.charAt(i++) == '}') {
            return m;
          }
        }
      }
      if (c == '[') {
        List<Object> l = new ArrayList<>();
        i++;
        skip();
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        while (true) {
          l.add(value());
          skip();
          if (s.charAt(i++) == ']') {
            return l;
          }
        }
      }
      if (c == '"') {
        return string();
      }
      int start = i;
      while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      String word = s.substring(start, i);
      return switch (word) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "null" -> null;
        default -> word.contains(".") || word.contains("e") ? (Object) Double.valueOf(word) : (Object) Long.valueOf(word);
      };
    }

    private String string() {
      StringBuilder b = new StringBuilder();
      i++;
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }
}
