package io.docmatrix.eval.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StableHashTest {

    @Test
    void isTheSameForTheSameInputAndDiffersWithTheSalt() {
        assertThat(StableHash.of("s", "doc-1"))
                .isEqualTo(StableHash.of("s", "doc-1"))
                .isNotNegative();
        assertThat(StableHash.of("s", "doc-1")).isNotEqualTo(StableHash.of("t", "doc-1"));
    }

    @Test
    void isPinnedToSha256SoOtherMachinesSplitAlike() {
        // SHA-256("cuad-fold:abc") starts with these 8 bytes; a change here would silently move contracts between
        // folds.
        assertThat(Long.toHexString(StableHash.of("cuad-fold", "abc")))
                .isEqualTo(Long.toHexString(Long.parseUnsignedLong(
                                StableHash.sha256Hex("cuad-fold:abc".getBytes(StandardCharsets.UTF_8))
                                        .substring(0, 16),
                                16)
                        & Long.MAX_VALUE));
        assertThat(StableHash.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void splitsIdsRoughlyInHalf() {
        long even = IntStream.range(0, 1000)
                .filter(i -> StableHash.of("fold", "contract-" + i) % 2 == 0)
                .count();

        assertThat(even).isBetween(430L, 570L);
    }
}
