package io.docmatrix.query.retrieval.web;

import io.docmatrix.query.retrieval.QuestionTooLongException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Retrieval's own failures as problems, for every controller that retrieves (search and answers). Ordered first:
 * Spring asks advices in order and the shared {@code ProblemResponses} would answer any exception with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetrievalProblems {

    @ExceptionHandler(QuestionTooLongException.class)
    ResponseEntity<ProblemDetail> questionTooLong(QuestionTooLongException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "QUESTION_TOO_LONG");
        return ResponseEntity.badRequest().body(problem);
    }
}
