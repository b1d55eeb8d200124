package org.sockspec.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sockspec.spec.Cause;

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

  @Test
  void everyFailingRowNamesAKindOfCauseThatExists() throws Exception {
    List<String> rows = new java.util.ArrayList<>();
    ExpectedVerdicts.load().rows().forEach(row -> rows.add(row.cause() == null ? "pass" : row.cause()));
    HandoutProgramsIT.rows().forEach(row -> rows.add(row.cause() == null ? "pass" : row.cause()));
    assertThat(rows.stream().flatMap(cause -> Stream.of(cause.split("\\|")))).allSatisfy(cause -> assertThat(cause)
        .isIn(Stream.concat(Stream.of("pass"), Cause.kinds().stream()).toList()));
  }
}
