package io.docmatrix.auth.signing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.docmatrix.auth.account.Role;
import io.docmatrix.auth.config.AuthProblem;
import io.docmatrix.auth.config.AuthProperties;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key ring: creates the first key at startup, rotates on request and by age, removes keys no token can need, and
 * hands out the current signing key and the JWKS. State lives in the database, so every instance signs with the same
 * key and publishes the same set.
 */
@Service
public class SigningKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository repository;
    private final KeyEncryption encryption;
    private final AuthProperties properties;
    private final Clock clock;
    // Decrypted private keys by kid; a key never changes once created, so entries never go stale.
    private final Map<String, RSAPrivateKey> privateKeys = new ConcurrentHashMap<>();

    public SigningKeys(SigningKeyRepository repository, AuthProperties properties, Clock clock) {
        this.repository = repository;
        this.encryption = new KeyEncryption(properties.keyEncryptionSecret());
        this.properties = properties;
        this.clock = clock;
    }

    /** A signing key and its id. */
    public record Signer(String kid, RSAPrivateKey privateKey) {}

    /** A key that will sign from {@code activatesAt}. */
    public record Rotation(String kid, Instant activatesAt) {}

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        repository.lock();
        if (ring().isEmpty()) {
            // No token exists yet, so the first key may sign at once.
            Instant now = clock.instant();
            SigningKey key = generate(now, now);
            log.info("Created the first signing key {}", key.kid());
        }
    }

    /** Publishes a new key now that signs after the publish-ahead time; only platform administrators may. */
    @Transactional
    public Rotation rotate(CallerIdentity caller) {
        if (!caller.hasRole(Role.PLATFORM_ADMIN.name())) {
            throw AuthProblem.forbidden();
        }
        repository.lock();
        SigningKey key = rotate();
        log.info(
                "Signing key rotation requested by {}: key {} signs from {}",
                caller.name(),
                key.kid(),
                key.activatesAt());
        return new Rotation(key.kid(), key.activatesAt());
    }

    /** Rotates a key that reached its maximum age and drops keys whose tokens have all expired. */
    @Scheduled(
            fixedDelayString = "${auth.signing.check-interval:1m}",
            initialDelayString = "${auth.signing.check-interval:1m}")
    @Transactional
    public void maintain() {
        repository.lock();
        Instant now = clock.instant();
        KeyRing ring = ring();
        if (ring.rotationDue(now, properties.signing().rotationAge())) {
            SigningKey key = rotate();
            log.info("Signing key reached its maximum age; key {} signs from {}", key.kid(), key.activatesAt());
        }
        for (SigningKey expired : ring.expired(now)) {
            repository.delete(expired.kid());
            privateKeys.remove(expired.kid());
            log.info("Removed retired signing key {}: every token it signed has expired", expired.kid());
        }
    }

    @Transactional(readOnly = true)
    public Signer signer() {
        SigningKey key =
                ring().signing(clock.instant()).orElseThrow(() -> new IllegalStateException("no active signing key"));
        RSAPrivateKey privateKey = privateKeys.computeIfAbsent(key.kid(), kid -> privateKey(key));
        return new Signer(key.kid(), privateKey);
    }

    /** The public keys verifiers need now, as a JWKS. */
    @Transactional(readOnly = true)
    public JWKSet jwks() {
        List<JWK> keys = ring().published(clock.instant()).stream()
                .map(key -> (JWK) new RSAKey.Builder(publicKey(key))
                        .keyID(key.kid())
                        .algorithm(JWSAlgorithm.RS256)
                        .keyUse(KeyUse.SIGNATURE)
                        .build())
                .toList();
        return new JWKSet(keys);
    }

    private KeyRing ring() {
        return new KeyRing(
                repository.list(),
                properties.accessTokenTtl().plus(properties.signing().clockSkew()));
    }

    private SigningKey rotate() {
        Instant now = clock.instant();
        return generate(now, now.plus(properties.signing().publishAhead()));
    }

    private SigningKey generate(Instant now, Instant activatesAt) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(properties.signing().keySize());
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            SigningKey key = new SigningKey(
                    kid,
                    now,
                    activatesAt,
                    pair.getPublic().getEncoded(),
                    encryption.encrypt(kid, pair.getPrivate().getEncoded()));
            repository.insert(key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    private static RSAPublicKey publicKey(SigningKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.publicKey()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key " + key.kid() + " is not an RSA key", e);
        }
    }

    private RSAPrivateKey privateKey(SigningKey key) {
        byte[] der = encryption.decrypt(key.kid(), key.encryptedPrivateKey());
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key " + key.kid() + " is not an RSA key", e);
        }
    }
}
