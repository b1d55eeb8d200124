package org.sockspec.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The matrix document in docs/ says exactly what the tables say. Needs no engine; run with
 * -Dsockspec.writeDocs=true to regenerate the document after editing a table.
 */
class MatrixDocumentTest {
  private static final Path DOCUMENT = Path.of("..", "docs", "conformance-matrix.md");

  @Test
  void theMatrixDocumentMatchesTheTables() throws Exception {
    String rendered = MatrixDocument.render(ExpectedVerdicts.load());
    if (Boolean.getBoolean("sockspec.writeDocs")) {
      Files.writeString(DOCUMENT, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " exists (generate it with -Dsockspec.writeDocs=true)").isTrue();
    assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
        .as("docs/conformance-matrix.md is out of date: mvn -pl conformance-tests test -Dsockspec.writeDocs=true")
        .isEqualTo(rendered);
  }

  @Test
  void everyTableRowIsWellFormed() {
    assertThat(ExpectedVerdicts.load().rows()).isNotEmpty()
        .allSatisfy(row -> assertThat(row.specId()).matches("[a-z]+(\\.[a-z0-9-]+)+"));
  }
}
