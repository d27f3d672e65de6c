package io.ttdesk.ipcheck;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Party-name comparison tolerant of case, accents, punctuation, word order and legal-form
 * suffixes: names become sets of tokens, compared by Jaccard similarity, or by how much of the
 * shorter name the longer one contains.
 */
final class PartyNames {

  private static final Set<String> LEGAL_FORMS = Set.of("co", "company", "corp", "corporation", "inc", "ltd",
      "limited", "llc", "gmbh", "ag", "sa", "plc", "bv", "the", "of");

  private PartyNames() {}

  static Set<String> tokens(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    return Arrays.stream(plain.split(" ")).filter(t -> !t.isEmpty() && !LEGAL_FORMS.contains(t))
        .collect(Collectors.toCollection(TreeSet::new));
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
