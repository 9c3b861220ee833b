package io.docmatrix.eval.reliability.oracle;

import java.util.UUID;

/** A document version, the unit every store keeps one chunk set, one vector set and one analysis of. */
public record VersionKey(UUID documentId, int version) {

    @Override
    public String toString() {
        return documentId + "/v" + version;
    }
}
