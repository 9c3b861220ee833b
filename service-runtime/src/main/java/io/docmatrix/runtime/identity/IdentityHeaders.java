package io.docmatrix.runtime.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The signed identity headers between the gateway and the services. The signature (HMAC-SHA256 over a canonical
 * string) covers every identity field, the time of signing, and the request's method and path, so a captured header
 * set cannot be replayed against another endpoint or after {@code maxAge}. The gateway removes every header starting
 * with {@link #PREFIX} from incoming requests before it adds its own.
 */
public final class IdentityHeaders {

    public static final String PREFIX = "X-DocMatrix-";
    public static final String TENANT_ID = PREFIX + "Tenant-Id";
    public static final String TENANT = PREFIX + "Tenant";
    public static final String SUBJECT = PREFIX + "Subject";
    public static final String NAME = PREFIX + "Name";
    public static final String ROLES = PREFIX + "Roles";
    public static final String AUTH_KIND = PREFIX + "Auth-Kind";
    public static final String SIGNED_AT = PREFIX + "Signed-At";
    public static final String SIGNATURE = PREFIX + "Identity-Signature";

    /** Every identity header name, for stripping. */
    public static final List<String> ALL =
            List.of(TENANT_ID, TENANT, SUBJECT, NAME, ROLES, AUTH_KIND, SIGNED_AT, SIGNATURE);

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;
    private final Duration maxAge;

    public IdentityHeaders(byte[] secret, Duration maxAge) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the internal identity secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.maxAge = maxAge;
    }

    /** The headers the gateway adds for {@code caller} on a request with this method and path. */
    public Map<String, String> sign(CallerIdentity caller, String method, String path, Instant now) {
        String signedAt = Long.toString(now.getEpochSecond());
        String roles = String.join(",", caller.roles().stream().sorted().toList());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TENANT_ID, caller.tenantId().toString());
        headers.put(TENANT, caller.tenant());
        headers.put(SUBJECT, caller.subject());
        headers.put(NAME, caller.name());
        headers.put(ROLES, roles);
        headers.put(AUTH_KIND, caller.kind().name());
        headers.put(SIGNED_AT, signedAt);
        headers.put(SIGNATURE, mac(canonical(headers::get, method, path)));
        return headers;
    }

    /**
     * The caller these headers vouch for, or empty when any header is missing, malformed, too old, from the future
     * beyond a small skew, or not signed with the shared secret.
     */
    public Optional<CallerIdentity> verify(
            Function<String, @Nullable String> header, String method, String path, Instant now) {
        for (String name : ALL) {
            if (header.apply(name) == null) {
                return Optional.empty();
            }
        }
        String expected = mac(canonical(header, method, path));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                header.apply(SIGNATURE).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(header.apply(SIGNED_AT)));
            if (signedAt.isBefore(now.minus(maxAge)) || signedAt.isAfter(now.plusSeconds(5))) {
                return Optional.empty();
            }
            String roles = header.apply(ROLES);
            return Optional.of(new CallerIdentity(
                    UUID.fromString(header.apply(TENANT_ID)),
                    header.apply(TENANT),
                    header.apply(SUBJECT),
                    header.apply(NAME),
                    roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(","))),
                    AuthKind.valueOf(header.apply(AUTH_KIND))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String canonical(Function<String, @Nullable String> header, String method, String path) {
        // Newlines cannot occur in header values, so they separate fields unambiguously.
        return String.join(
                "\n",
                "v1",
                header.apply(TENANT_ID),
                header.apply(TENANT),
                header.apply(SUBJECT),
                header.apply(NAME),
                header.apply(ROLES),
                header.apply(AUTH_KIND),
                header.apply(SIGNED_AT),
                method.toUpperCase(java.util.Locale.ROOT),
                path);
    }

    private String mac(String canonical) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
