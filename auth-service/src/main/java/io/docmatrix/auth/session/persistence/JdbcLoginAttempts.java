package io.docmatrix.auth.session.persistence;

import io.docmatrix.auth.session.LoginAttempts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLoginAttempts implements LoginAttempts {

    private final JdbcClient jdbc;

    JdbcLoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordFailure(String account, String address, Instant at) {
        jdbc.sql("INSERT INTO login_failures (account, client_address, failed_at) VALUES (?, ?, ?)")
                .params(account, address, Timestamp.from(at))
                .update();
    }

    @Override
    public List<Instant> failuresOfAccount(String account, Instant since, int limit) {
        return jdbc.sql(
                        """
                        SELECT failed_at FROM login_failures WHERE account = ? AND failed_at > ?
                        ORDER BY failed_at DESC LIMIT ?
                        """)
                .params(account, Timestamp.from(since), limit)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    @Override
    public List<Instant> failuresOfAddress(String address, Instant since, int limit) {
        return jdbc.sql(
                        """
                        SELECT failed_at FROM login_failures WHERE client_address = ? AND failed_at > ?
                        ORDER BY failed_at DESC LIMIT ?
                        """)
                .params(address, Timestamp.from(since), limit)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    @Override
    public void forgetAccount(String account) {
        jdbc.sql("DELETE FROM login_failures WHERE account = ?").param(account).update();
    }

    @Override
    public void deleteOlderThan(Instant instant) {
        jdbc.sql("DELETE FROM login_failures WHERE failed_at < ?")
                .param(Timestamp.from(instant))
                .update();
    }
}
