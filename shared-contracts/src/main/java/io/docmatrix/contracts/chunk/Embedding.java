package io.docmatrix.contracts.chunk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Objects;

/**
 * An embedding vector in a compact, exact JSON form: the floats as IEEE-754 float32 in little-endian byte order, Base64
 * encoded (standard alphabet, padded). A 384-float vector takes 2,048 characters, about half a JSON number array, and
 * decodes to exactly the floats that were encoded.
 *
 * @param model the embedding model that produced the vector, e.g. {@code bge-small-en-v1.5}
 * @param dimension the number of floats in the vector
 * @param encoding how {@code vector} is encoded; always {@value #F32LE_BASE64} in v1
 * @param vector the encoded floats; use {@link #values()} to decode
 */
public record Embedding(String model, int dimension, String encoding, String vector) {

    /** The only encoding of v1: little-endian float32, Base64. */
    public static final String F32LE_BASE64 = "f32le-base64";

    public Embedding {
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(encoding, "encoding must not be null");
        Objects.requireNonNull(vector, "vector must not be null");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be at least 1 but was " + dimension);
        }
        if (!F32LE_BASE64.equals(encoding)) {
            throw new IllegalArgumentException("encoding must be " + F32LE_BASE64 + " but was '" + encoding + "'");
        }
        int floats = decodedLength(vector) / Float.BYTES;
        if (floats != dimension) {
            throw new IllegalArgumentException(
                    "vector holds " + floats + " floats but dimension is " + dimension + " (model " + model + ")");
        }
    }

    /** Encodes a vector; its dimension is the array's length. */
    public static Embedding of(String model, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return new Embedding(
                model, values.length, F32LE_BASE64, Base64.getEncoder().encodeToString(bytes.array()));
    }

    /** Decodes the vector into a new array of {@link #dimension()} floats. */
    public float[] values() {
        float[] values = new float[dimension];
        ByteBuffer.wrap(Base64.getDecoder().decode(vector))
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(values);
        return values;
    }

    private static int decodedLength(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("vector is not valid Base64: " + notBase64.getMessage(), notBase64);
        }
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException(
                    "vector must hold whole float32 values but has " + bytes.length + " bytes");
        }
        return bytes.length;
    }
}
