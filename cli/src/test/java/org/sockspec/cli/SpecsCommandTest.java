package org.sockspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockspec.bench.Kind;
import org.sockspec.catalogue.Catalogue;
import org.sockspec.spec.SpecInfo;

class SpecsCommandTest {
  private final CliFixture cli = new CliFixture();

  @Test
  void listsEverySpecWithLevelQuestionKindsAndSummary() {
    assertThat(cli.run("specs")).isEqualTo(0);
    String listing = cli.out.toString();
    assertThat(listing).contains(Catalogue.specs().size() + " specs");
    for (SpecInfo spec : Catalogue.specs()) {
      assertThat(listing).contains(spec.id()).contains(spec.summary());
    }
    assertThat(cli.requests).isEmpty();
  }

  @Test
  void listsTheSpecsOfOneKind() {
    assertThat(cli.run("specs", "--as", "udp")).isEqualTo(0);
    for (SpecInfo spec : Catalogue.specs()) {
      if (spec.appliesTo(Kind.UDP)) {
        assertThat(cli.out.toString()).contains(spec.id());
      } else {
        assertThat(cli.out.toString()).doesNotContain(spec.id() + " ");
      }
    }
  }

  @Test
  void jsonHasEverySpecAndItsFields() throws IOException {
    assertThat(cli.run("specs", "--format", "json")).isEqualTo(0);
    JsonNode root = new ObjectMapper().readTree(cli.out.toString());
    assertThat(root.path("kit").asText()).isEqualTo(KitVersion.get());
    List<String> ids = new ArrayList<>();
    root.path("specs").forEach(spec -> {
      ids.add(spec.path("id").asText());
      List<String> fields = new ArrayList<>();
      spec.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("id", "level", "question", "kinds", "summary", "hint");
      assertThat(spec.path("kinds").isArray()).isTrue();
    });
    assertThat(ids).containsExactlyElementsOf(Catalogue.specs().stream().map(SpecInfo::id).toList());
  }
}
