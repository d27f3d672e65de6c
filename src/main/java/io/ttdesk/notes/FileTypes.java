package io.ttdesk.notes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of file a case accepts, known by their extension and confirmed by their first bytes,
 * so a renamed program is not stored as a PDF.
 */
final class FileTypes {

  private record Kind(String contentType, byte[] magic) {}

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final Map<String, Kind> KINDS = Map.of(
      "pdf", new Kind("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
      "png", new Kind("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
      "jpg", new Kind("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
      "jpeg", new Kind("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
      "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
      "xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
      "txt", new Kind("text/plain; charset=UTF-8", null),
      "csv", new Kind("text/csv; charset=UTF-8", null));

  static final String ACCEPTED = "PDF, PNG, JPEG, DOCX, XLSX, TXT, CSV";

  private FileTypes() {}

  /** The content type to store and serve, or empty when the name and the bytes do not agree on an accepted kind. */
  static Optional<String> of(String fileName, byte[] bytes) {
    int dot = fileName.lastIndexOf('.');
    Kind kind = dot < 0 ? null : KINDS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    if (kind == null) {
      return Optional.empty();
    }
    if (kind.magic() == null) {
      // Text: no NUL byte in the first 8 KiB.
      for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
        if (bytes[i] == 0) {
          return Optional.empty();
        }
      }
      return Optional.of(kind.contentType());
    }
    return bytes.length >= kind.magic().length
        && Arrays.equals(Arrays.copyOf(bytes, kind.magic().length), kind.magic())
        ? Optional.of(kind.contentType()) : Optional.empty();
  }

  /** The name as given, without any folder, control or quoting characters, at most 200 characters. */
  static String cleanName(String given) {
    String name = given == null ? "" : given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
