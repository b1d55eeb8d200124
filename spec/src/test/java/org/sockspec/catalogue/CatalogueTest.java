package org.sockspec.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sockspec.spec.SpecInfo;

/** The catalogue's ids are a public contract: unique, well formed, documented. */
class CatalogueTest {
  @Test
  void idsAreUniqueAndWellFormed() {
    List<String> ids = Catalogue.specs().stream().map(SpecInfo::id).toList();
    assertThat(ids).doesNotHaveDuplicates().isNotEmpty()
        .allSatisfy(id -> assertThat(id).matches("[a-z]+(\\.[a-z0-9-]+)+"));
  }

  @Test
  void everySpecSaysWhatItChecksAndForWhichKinds() {
    assertThat(Catalogue.specs()).allSatisfy(spec -> {
      assertThat(spec.summary()).as(spec.id() + " summary").isNotBlank();
      assertThat(spec.kinds()).as(spec.id() + " kinds").isNotEmpty();
    });
  }
}
