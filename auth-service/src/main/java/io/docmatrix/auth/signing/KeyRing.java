package io.docmatrix.auth.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which keys sign and which are published at an instant. Keys take over in order of activation: the newest key that
 * is active signs; a key that is not active yet is already published (publish-ahead); a key superseded at time T stays
 * published until T + access token lifetime + skew, when the last token it signed has expired.
 */
public final class KeyRing {

    private final List<SigningKey> keys;
    private final Duration retention;

    /** @param retention access token lifetime plus clock skew */
    public KeyRing(List<SigningKey> keys, Duration retention) {
        this.keys = keys.stream()
                .sorted(Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::createdAt))
                .toList();
        this.retention = retention;
    }

    /** The key new tokens are signed with: the most recently activated one. */
    public Optional<SigningKey> signing(Instant now) {
        SigningKey current = null;
        for (SigningKey key : keys) {
            if (!key.activatesAt().isAfter(now)) {
                current = key;
            }
        }
        return Optional.ofNullable(current);
    }

    /** Keys a verifier must know: pending, signing, and retired ones whose tokens may still be valid. */
    public List<SigningKey> published(Instant now) {
        List<SigningKey> published = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!expired(i, now)) {
                published.add(keys.get(i));
            }
        }
        return published;
    }

    /** Retired keys no token can need any more, safe to delete. */
    public List<SigningKey> expired(Instant now) {
        List<SigningKey> expired = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (expired(i, now)) {
                expired.add(keys.get(i));
            }
        }
        return expired;
    }

    /** True when the signing key is older than {@code maxAge} and no successor is waiting. */
    public boolean rotationDue(Instant now, Duration maxAge) {
        if (keys.isEmpty()) {
            return true;
        }
        SigningKey newest = keys.get(keys.size() - 1);
        return !newest.activatesAt().isAfter(now)
                && newest.activatesAt().plus(maxAge).isBefore(now);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private boolean expired(int index, Instant now) {
        if (index == keys.size() - 1) {
            return false;
        }
        Instant supersededAt = keys.get(index + 1).activatesAt();
        return !supersededAt.plus(retention).isAfter(now);
    }
}
