package io.docmatrix.query.answer.web;

import io.docmatrix.query.answer.Answer;
import io.docmatrix.query.answer.AnswerListener;
import io.docmatrix.query.answer.AnswerProperties;
import io.docmatrix.query.answer.AnswerQuery;
import io.docmatrix.query.answer.AnswerSentence;
import io.docmatrix.query.answer.AnswerService;
import io.docmatrix.query.answer.Citation;
import io.docmatrix.query.answer.ConversationNotFoundException;
import io.docmatrix.query.answer.RetrievalUnavailableException;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.observability.TraceContinuation;
import io.docmatrix.runtime.web.ApiProblem;
import io.docmatrix.runtime.web.ProblemCodes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Questions answered from the caller's documents, with citations. Any authenticated caller of a tenant may ask; the
 * tenant confines retrieval, cache and conversations.
 */
@RestController
@RequestMapping("/api/v1/query")
class AnswerController {

    private static final Logger log = LoggerFactory.getLogger(AnswerController.class);
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(2);
    // Streams answer on their own threads so the servlet thread is free; bounded so a burst queues instead of
    // starting unbounded threads that would all compete for the same two cores.
    private static final ExecutorService STREAMS =
            new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64), new Threads());

    private final AnswerService answers;
    private final AnswerProperties properties;

    private final Timer answerTimer;
    private final TraceContinuation traces;

    AnswerController(
            AnswerService answers, AnswerProperties properties, MeterRegistry meters, TraceContinuation traces) {
        this.answers = answers;
        this.traces = traces;
        this.properties = properties;
        // A histogram, so dashboards and the p95 alert can take any percentile across instances.
        this.answerTimer = Timer.builder("docmatrix.query.answer")
                .description("Time to answer a question (POST /api/v1/query), retrieval and composition included")
                .publishPercentileHistogram()
                .register(meters);
    }

    @PostMapping
    Answer answer(CallerIdentity caller, @RequestBody QueryRequestBody body) {
        AnswerQuery query = body.toQuery(properties);
        Answer answer =
                answerTimer.record(() -> answers.answer(caller.tenantId(), caller.tenant(), caller.subject(), query));
        // The answer's trace leads to the documents it cites (and each document's ingestion span carries its id).
        traces.annotate("docmatrix.cited_document_ids", citedDocuments(answer));
        return answer;
    }

    private static String citedDocuments(Answer answer) {
        return answer.citations().stream()
                .map(citation -> citation.documentId().toString())
                .distinct()
                .collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The answer as server-sent events: {@code citation} ({@code {"index", "citation"}}) the first time a citation is
     * used, {@code delta} ({@code {"text", "citation"}}) per verified sentence, {@code reset} when the sentences sent
     * so far are withdrawn (the model failed mid-answer; the fallback follows), {@code done} with the whole answer as
     * {@code POST /api/v1/query} returns it, or {@code error} with a problem body.
     */
    @PostMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(CallerIdentity caller, @RequestBody QueryRequestBody body) {
        AnswerQuery query = body.toQuery(properties);
        // conversation, question and retrieval fail here, as plain problem responses, before the stream starts
        AnswerService.PendingAnswer pending =
                answers.prepareStream(caller.tenantId(), caller.tenant(), caller.subject(), query);
        SseEmitter emitter = new SseEmitter(STREAM_LIMIT.toMillis());
        try {
            STREAMS.execute(() -> produce(pending, emitter));
        } catch (RejectedExecutionException e) {
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "Too many answers are streaming; retry shortly.");
        }
        return emitter;
    }

    private void produce(AnswerService.PendingAnswer pending, SseEmitter emitter) {
        try {
            pending.stream(new AnswerListener() {
                @Override
                public void sentence(AnswerSentence sentence, Citation citation, boolean newCitation) {
                    if (newCitation) {
                        send(emitter, "citation", Map.of("index", sentence.citation(), "citation", citation));
                    }
                    send(emitter, "delta", Map.of("text", sentence.text() + " ", "citation", sentence.citation()));
                }

                @Override
                public void reset() {
                    send(emitter, "reset", Map.of());
                }

                @Override
                public void done(Answer answer) {
                    send(emitter, "done", answer);
                }
            });
            emitter.complete();
        } catch (ClientGoneException gone) {
            emitter.completeWithError(gone);
        } catch (RuntimeException e) {
            ProblemDetail problem = problemFor(e);
            try {
                emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_PROBLEM_JSON));
                emitter.complete();
            } catch (IOException | IllegalStateException ignored) {
                emitter.completeWithError(e);
            }
        }
    }

    private static ProblemDetail problemFor(RuntimeException e) {
        if (e instanceof ConversationNotFoundException) {
            return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
        }
        String errorId = UUID.randomUUID().toString();
        log.error("Streaming an answer failed {}", errorId, e);
        ProblemDetail problem = problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemCodes.INTERNAL_ERROR,
                "An unexpected error occurred (error id " + errorId + ").");
        problem.setProperty("errorId", errorId);
        return problem;
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            throw new ClientGoneException(e);
        }
    }

    @ExceptionHandler(ConversationNotFoundException.class)
    ResponseEntity<ProblemDetail> conversationNotFound(ConversationNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage()));
    }

    @ExceptionHandler(RetrievalUnavailableException.class)
    ResponseEntity<ProblemDetail> retrievalUnavailable(RetrievalUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.DEPENDENCY_UNAVAILABLE, e.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** The client closed the stream; nothing more can be sent. */
    private static final class ClientGoneException extends RuntimeException {
        ClientGoneException(Throwable cause) {
            super(cause);
        }
    }

    private static final class Threads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "answer-stream-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
