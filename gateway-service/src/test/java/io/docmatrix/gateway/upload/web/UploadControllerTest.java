package io.docmatrix.gateway.upload.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class UploadControllerTest {

    @Test
    void answersAnUploadWhoseDatabaseWentAwayMidTransactionAsStorageUnavailableNotAs500() {
        // What the fault suite's PostgreSQL restart produced: the insert failed, and the rollback on the closed
        // connection failed too, so Spring threw this instead of the data-access error.
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed");
        rollbackFailed.initCause(new SQLException("Connection is closed"));

        assertThat(UploadController.storageUnavailable(rollbackFailed)).isTrue();
        assertThat(UploadController.storageUnavailable(new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction", new SQLException("Connection refused"))))
                .isTrue();
    }

    @Test
    void answersAStoreOrDatabaseFailureAsStorageUnavailableAndABugAsSomethingElse() {
        assertThat(UploadController.storageUnavailable(new UncheckedIOException(new IOException("disk full"))))
                .isTrue();
        assertThat(UploadController.storageUnavailable(new DataAccessResourceFailureException("down")))
                .isTrue();
        assertThat(UploadController.storageUnavailable(new IllegalStateException("a bug")))
                .isFalse();
    }
}
