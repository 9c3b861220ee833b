package io.docmatrix.auth.session;

import java.time.Instant;
import java.util.List;

/** Failed logins, counted per account and per client address. */
public interface LoginAttempts {

    void recordFailure(String account, String address, Instant at);

    /** The account's failures since {@code since}, newest first, at most {@code limit}. */
    List<Instant> failuresOfAccount(String account, Instant since, int limit);

    /** The address's failures since {@code since}, newest first, at most {@code limit}. */
    List<Instant> failuresOfAddress(String address, Instant since, int limit);

    void forgetAccount(String account);

    void deleteOlderThan(Instant instant);
}
