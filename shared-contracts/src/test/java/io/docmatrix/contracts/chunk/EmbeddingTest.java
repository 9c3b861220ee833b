package io.docmatrix.contracts.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingTest {

    /** 1.0f is 0x3F800000 and -2.5f is 0xC0200000; little-endian: 00 00 80 3F 00 00 20 C0. */
    private static final String ONE_AND_MINUS_TWO_AND_A_HALF = "AACAPwAAIMA=";

    @Test
    void decodesExactlyTheFloatsItEncoded() {
        float[] values = new float[384];
        Random random = new Random(42);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        values[0] = -0.0f;
        values[1] = Float.MIN_VALUE;
        values[2] = Float.MAX_VALUE;

        Embedding embedding = Embedding.of("bge-small-en-v1.5", values);

        assertThat(embedding.dimension()).isEqualTo(384);
        assertThat(embedding.encoding()).isEqualTo(Embedding.F32LE_BASE64);
        assertThat(embedding.vector()).hasSize(2048);
        assertThat(embedding.values()).isEqualTo(values);
    }

    @Test
    void encodesFloat32InLittleEndianByteOrder() {
        float[] values = {1.0f, -2.5f};

        Embedding embedding = Embedding.of("bge-small-en-v1.5", values);

        assertThat(embedding.vector()).isEqualTo(ONE_AND_MINUS_TWO_AND_A_HALF);
    }

    @Test
    void decodesAHandEncodedLittleEndianVector() {
        Embedding embedding = new Embedding("bge-small-en-v1.5", 2, "f32le-base64", ONE_AND_MINUS_TWO_AND_A_HALF);

        float[] values = embedding.values();

        assertThat(values).containsExactly(1.0f, -2.5f);
    }

    @Test
    void decodesIntoAFreshArrayEachTime() {
        Embedding embedding = new Embedding("bge-small-en-v1.5", 2, "f32le-base64", ONE_AND_MINUS_TWO_AND_A_HALF);

        embedding.values()[0] = 99f;

        assertThat(embedding.values()).containsExactly(1.0f, -2.5f);
    }

    @Test
    void rejectsAVectorWhoseLengthDisagreesWithTheDimension() {
        int wrongDimension = 3;

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Embedding(
                        "bge-small-en-v1.5", wrongDimension, "f32le-base64", ONE_AND_MINUS_TWO_AND_A_HALF))
                .withMessageContaining("vector holds 2 floats but dimension is 3");
    }

    @Test
    void rejectsAVectorThatIsNotWholeFloats() {
        String sevenBytes = "AACAPwAAIA==";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Embedding("bge-small-en-v1.5", 2, "f32le-base64", sevenBytes))
                .withMessageContaining("whole float32 values");
    }

    @Test
    void rejectsAnEncodingOtherThanLittleEndianFloat32Base64() {
        String encoding = "f16le-base64";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Embedding("bge-small-en-v1.5", 2, encoding, ONE_AND_MINUS_TWO_AND_A_HALF))
                .withMessageContaining("encoding must be f32le-base64");
    }
}
