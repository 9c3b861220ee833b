package io.docmatrix.contracts.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentMetadataTest {

    @Test
    void keepsItsOwnImmutableCopyOfTheTags() {
        List<String> tags = new ArrayList<>(List.of("msa", "vendor"));

        DocumentMetadata metadata = new DocumentMetadata("Globex MSA", tags, null, null);
        tags.add("added-after-construction");

        assertThat(metadata.tags()).containsExactly("msa", "vendor");
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> metadata.tags().add("x"));
    }

    @Test
    void readsAbsentTagsAsEmpty() {
        // A JSON reader passes null for an absent list.
        List<String> absent = null;

        DocumentMetadata metadata = new DocumentMetadata(null, absent, null, null);

        assertThat(metadata.tags()).isEmpty();
    }

    @Test
    void describesAnUploadWithoutMetadata() {
        DocumentMetadata none = DocumentMetadata.none();

        assertThat(none).isEqualTo(new DocumentMetadata(null, List.of(), null, null));
    }
}
