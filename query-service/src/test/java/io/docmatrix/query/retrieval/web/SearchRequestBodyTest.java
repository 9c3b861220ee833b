package io.docmatrix.query.retrieval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.query.retrieval.RetrievalMode;
import io.docmatrix.query.retrieval.RetrievalProperties;
import io.docmatrix.query.retrieval.SearchRequest;
import io.docmatrix.runtime.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchRequestBodyTest {

    private final RetrievalProperties limits = new RetrievalProperties(10, 50, 2000, 100, 60, 1, 1, 50, 100, 500, 1000);

    @Test
    void fillsInDefaultsForAQuestionAlone() {
        SearchRequest request =
                new SearchRequestBody("  What is the notice period?  ", null, null, null, null).toRequest(limits);

        assertThat(request.question()).isEqualTo("What is the notice period?");
        assertThat(request.topK()).isEqualTo(10);
        assertThat(request.mode()).isEqualTo(RetrievalMode.HYBRID);
        assertThat(request.documentIds()).isEmpty();
        assertThat(request.filters().tags()).isEmpty();
    }

    @Test
    void readsEveryField() {
        UUID id = UUID.randomUUID();
        SearchRequest request = new SearchRequestBody(
                        "q",
                        List.of(id.toString()),
                        new SearchRequestBody.Filters(
                                "contracts",
                                List.of("nda"),
                                List.of("application/pdf"),
                                "2026-01-01T00:00:00Z",
                                "2026-02-01T00:00:00Z"),
                        5,
                        "Text")
                .toRequest(limits);

        assertThat(request.documentIds()).containsExactly(id);
        assertThat(request.topK()).isEqualTo(5);
        assertThat(request.mode()).isEqualTo(RetrievalMode.TEXT);
        assertThat(request.filters().collection()).isEqualTo("contracts");
        assertThat(request.filters().tags()).containsExactly("nda");
        assertThat(request.filters().contentTypes()).containsExactly("application/pdf");
        assertThat(request.filters().uploadedAfter()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(request.filters().uploadedBefore()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void rejectsInvalidFieldsWithStableCodes() {
        assertCode(new SearchRequestBody(null, null, null, null, null), "QUESTION_REQUIRED");
        assertCode(new SearchRequestBody(" ", null, null, null, null), "QUESTION_REQUIRED");
        assertCode(new SearchRequestBody("x".repeat(2001), null, null, null, null), "QUESTION_TOO_LONG");
        assertCode(new SearchRequestBody("q", null, null, 0, null), "INVALID_TOP_K");
        assertCode(new SearchRequestBody("q", null, null, 51, null), "INVALID_TOP_K");
        assertCode(new SearchRequestBody("q", null, null, null, "semantic"), "INVALID_MODE");
        assertCode(new SearchRequestBody("q", List.of("not-a-uuid"), null, null, null), "INVALID_DOCUMENT_ID");
        assertCode(
                new SearchRequestBody(
                        "q",
                        java.util.Collections.nCopies(101, UUID.randomUUID().toString()),
                        null,
                        null,
                        null),
                "TOO_MANY_DOCUMENT_IDS");
        assertCode(
                new SearchRequestBody(
                        "q", null, new SearchRequestBody.Filters(null, null, null, "yesterday", null), null, null),
                "INVALID_DATE");
        assertCode(
                new SearchRequestBody(
                        "q",
                        null,
                        new SearchRequestBody.Filters(null, null, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                        null,
                        null),
                "INVALID_FILTER");
        assertCode(
                new SearchRequestBody(
                        "q", null, new SearchRequestBody.Filters(null, List.of(" "), null, null, null), null, null),
                "INVALID_FILTER");
    }

    private void assertCode(SearchRequestBody body, String code) {
        assertThatThrownBy(() -> body.toRequest(limits)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.status().value()).isEqualTo(400);
        });
    }
}
