package io.docmatrix.gateway.access;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** Asks auth whether an API key is valid. */
public interface ApiKeyVerification {

    /**
     * The key's owner, or empty when auth rejects the key (unknown, revoked, expired). Fails with
     * {@link AuthUnavailableException} when auth cannot answer.
     */
    Mono<Optional<VerifiedApiKey>> verify(String key);
}
