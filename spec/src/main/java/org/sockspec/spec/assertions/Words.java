package org.sockspec.spec.assertions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small helpers for the sentences of failure messages. */
final class Words {
  private Words() {}

  /** "A", "A and B", "A, B and C". */
  static String and(Collection<?> items) {
    List<String> words = new ArrayList<>(items.stream().map(String::valueOf).toList());
    if (words.size() <= 1) {
      return words.isEmpty() ? "(none)" : words.get(0);
    }
    String last = words.remove(words.size() - 1);
    return String.join(", ", words) + " and " + last;
  }
}
