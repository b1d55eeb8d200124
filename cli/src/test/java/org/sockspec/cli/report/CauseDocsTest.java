package org.sockspec.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockspec.spec.Cause;

/** docs/cli.md lists every kind of cause with every one of its fields, and nothing else. */
class CauseDocsTest {
  private static final Path DOCS = Path.of("..", "docs", "cli.md");

  @Test
  void everyKindIsDocumentedWithItsFields() throws Exception {
    String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
    String section = docs.substring(docs.indexOf("### Causes"));
    section = section.substring(0, section.indexOf("\n## "));
    List<String> rows = section.lines().filter(line -> line.startsWith("| `")).toList();
    assertThat(rows).as("one row per kind of cause").hasSize(Cause.kinds().size());
    for (Class<?> type : Cause.class.getPermittedSubclasses()) {
      String kind = Cause.kindOf(type);
      String row = rows.stream().filter(line -> line.startsWith("| `" + kind + "` |")).findFirst().orElse(null);
      assertThat(row).as("docs/cli.md's table of causes has a row for " + kind).isNotNull();
      String fields = row.substring(row.lastIndexOf(" | "));
      Arrays.stream(type.getRecordComponents()).forEach(component -> assertThat(fields)
          .as("the row of " + kind + " names its field " + component.getName()).contains("`" + component.getName() + "`"));
    }
  }
}
