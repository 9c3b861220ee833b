package io.docmatrix.auth.signing;

import java.util.List;

/** Stored signing keys. */
public interface SigningKeyRepository {

    List<SigningKey> list();

    void insert(SigningKey key);

    void delete(String kid);

    /** Serialises changes to the key ring between instances. Must run inside a transaction. */
    void lock();
}
