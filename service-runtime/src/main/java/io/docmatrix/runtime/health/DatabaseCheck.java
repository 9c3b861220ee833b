package io.docmatrix.runtime.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** Borrows a pooled connection and validates it; relies on the pool's connection timeout to stay short. */
final class DatabaseCheck implements DependencyCheck {

    private final DataSource dataSource;
    private final Duration timeout;

    DatabaseCheck(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public DependencyState check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()))
                    ? DependencyState.healthy()
                    : DependencyState.down("connection did not validate within " + timeout.toSeconds() + "s");
        } catch (SQLException | RuntimeException e) {
            return DependencyState.down(rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
