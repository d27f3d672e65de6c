package io.ttdesk.ipcheck;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Party-name comparison tolerant of case, accents, Cyrillic script, punctuation, word order and
 * legal-form suffixes (aliases are compared by the caller): names become sets of tokens, compared by Jaccard similarity, or by how much of the
 * shorter name the longer one contains.
 */
final class PartyNames {

  private static final Set<String> LEGAL_FORMS = Set.of("co", "company", "corp", "corporation", "inc", "ltd",
      "limited", "llc", "gmbh", "ag", "sa", "plc", "bv", "the", "of");

  private PartyNames() {}

  /** Cyrillic letters in the usual (BGN/PCGN-like) Latin spelling; other scripts pass through. */
  private static final Map<Character, String> CYRILLIC = cyrillic();

  static Set<String> tokens(String name) {
    String plain = Normalizer.normalize(transliterate(name), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    return Arrays.stream(plain.split(" ")).filter(t -> !t.isEmpty() && !LEGAL_FORMS.contains(t))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static String transliterate(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      String latin = CYRILLIC.get(Character.toLowerCase(c));
      out.append(latin != null ? latin : String.valueOf(c));
    }
    return out.toString();
  }

  private static Map<Character, String> cyrillic() {
    String[] pairs = {"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "e", "ж", "zh", "з", "z",
        "и", "i", "й", "y", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t",
        "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "", "ы", "y", "ь", "",
        "э", "e", "ю", "yu", "я", "ya"};
    Map<Character, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i].charAt(0), pairs[i + 1]);
    }
    return m;
  }

  static double similarity(String a, String b) {
    Set<String> x = tokens(a);
    Set<String> y = tokens(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Set<String> common = new TreeSet<>(x);
    common.retainAll(y);
    Set<String> all = new TreeSet<>(x);
    all.addAll(y);
    double jaccard = (double) common.size() / all.size();
    // One name inside the other (a listed name with a longer trading name) deserves a look, not a match.
    double containment = 0.9 * common.size() / Math.min(x.size(), y.size());
    return Math.max(jaccard, containment);
  }
}
