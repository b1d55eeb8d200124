package org.sockspec.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.Level;
import org.sockspec.spec.SpecInfo;

/**
 * The tables prove every defect variant is caught: each has a row where a MUST spec fails, so
 * {@code sockspec check} exits non-zero on it. Two variants break a behaviour the lab's catalogue
 * rates SHOULD (its levels are a public contract), so no MUST spec can catch them; they are listed
 * here with the spec that does, which counts with {@code --strict}. Needs no engine.
 */
class DefectCoverageTest {
  /** Variant (program/defect) -> the SHOULD spec that catches it, and why no MUST spec can. */
  static final Map<String, String> CAUGHT_AT_SHOULD_ONLY = new TreeMap<>(Map.of(
      "srv_udp/ignores-end", "udp.end: exiting on 'end' is a SHOULD for a UDP server; no MUST spec sends 'end'",
      "srv_tcp_fork/zombies", "mtcp.fork.no-zombies: reaping is a SHOULD; unreaped workers change no exchange"));

  @Test
  void everyDefectVariantFailsAMustSpecOrIsAListedShouldOnlyCase() {
    Map<String, Set<Level>> failingLevels = new TreeMap<>();
    for (ExpectedVerdicts.Row row : ExpectedVerdicts.load().rows()) {
      if (row.defect() == null) {
        continue; // the program as it is (ExpectedVerdicts reads '-' as no defect)
      }
      // Under each protocol the tables try it in: a defect caught under the handout's must be under others' too.
      Set<Level> levels = failingLevels.computeIfAbsent(row.program() + "/" + row.defect()
          + (row.profile().equals(ExpectedVerdicts.HANDOUT) ? "" : " (" + row.profile() + ")"), k -> new TreeSet<>());
      if (!row.passes()) {
        levels.add(Catalogue.find(row.specId()).map(SpecInfo::level).orElseThrow());
      }
    }
    assertThat(failingLevels).isNotEmpty().allSatisfy((variant, levels) -> {
      if (CAUGHT_AT_SHOULD_ONLY.containsKey(variant.split(" ")[0])) {
        assertThat(levels).as(variant + " is listed as caught by a SHOULD spec only").containsExactly(Level.SHOULD);
      } else {
        assertThat(levels).as(variant + " must fail at least one MUST spec").contains(Level.MUST);
      }
    });
    assertThat(failingLevels).as("every listed SHOULD-only variant is in the tables").containsKeys(
        CAUGHT_AT_SHOULD_ONLY.keySet().toArray(String[]::new));
  }
}
