package io.docmatrix.runtime.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Golden-like JSON samples under {@code src/test/resources/samples}, copied from the contracts' golden files. */
final class Samples {

    private Samples() {}

    static byte[] read(String name) {
        try (InputStream in = Objects.requireNonNull(
                Samples.class.getResourceAsStream("/samples/" + name), () -> "no sample " + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
