package io.docmatrix.auth.signing.persistence;

import io.docmatrix.auth.signing.SigningKey;
import io.docmatrix.auth.signing.SigningKeyRepository;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSigningKeyRepository implements SigningKeyRepository {

    private static final long KEY_RING_LOCK = 0x6b657972696e67L;

    private final JdbcClient jdbc;

    JdbcSigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SigningKey> list() {
        return jdbc.sql("SELECT kid, created_at, activates_at, public_key, private_key_encrypted FROM signing_keys")
                .query((rs, row) -> new SigningKey(
                        rs.getString("kid"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("activates_at").toInstant(),
                        rs.getBytes("public_key"),
                        rs.getBytes("private_key_encrypted")))
                .list();
    }

    @Override
    public void insert(SigningKey key) {
        jdbc.sql(
                        """
                        INSERT INTO signing_keys (kid, algorithm, created_at, activates_at, public_key, private_key_encrypted)
                        VALUES (?, 'RS256', ?, ?, ?, ?)
                        """)
                .params(
                        key.kid(),
                        Timestamp.from(key.createdAt()),
                        Timestamp.from(key.activatesAt()),
                        key.publicKey(),
                        key.encryptedPrivateKey())
                .update();
    }

    @Override
    public void delete(String kid) {
        jdbc.sql("DELETE FROM signing_keys WHERE kid = ?").param(kid).update();
    }

    @Override
    public void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(KEY_RING_LOCK).query().singleRow();
    }
}
