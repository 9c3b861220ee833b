package io.docmatrix.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemResponsesTest {

    private final ProblemResponses problems = new ProblemResponses();

    @Test
    void answersTextTheDatabaseCannotStoreWith400InsteadOf500() {
        // What PostgreSQL's driver raises for a NUL in a string parameter, as Spring wraps it.
        SQLException nul = new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021");

        ResponseEntity<Object> answer =
                problems.unexpected(new DataIntegrityViolationException("PreparedStatementCallback", nul));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ProblemDetail body = (ProblemDetail) answer.getBody();
        assertThat(body.getProperties()).containsEntry("code", "INVALID_CHARACTERS");
        assertThat(body.getDetail()).doesNotContain("UTF8").doesNotContain("0x00");
    }

    @Test
    void keepsOtherDatabaseErrorsA500WithAnErrorId() {
        SQLException other = new SQLException("division by zero", "22012");

        ResponseEntity<Object> answer = problems.unexpected(new DataIntegrityViolationException("x", other));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsKey("errorId");
    }
}
