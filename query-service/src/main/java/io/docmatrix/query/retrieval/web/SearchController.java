package io.docmatrix.query.retrieval.web;

import io.docmatrix.query.retrieval.RetrievalProperties;
import io.docmatrix.query.retrieval.RetrievedChunk;
import io.docmatrix.query.retrieval.Retriever;
import io.docmatrix.runtime.identity.CallerIdentity;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Search without an answer: the chunks that best match a question, for any authenticated caller of the tenant. */
@RestController
class SearchController {

    private final Retriever retriever;
    private final RetrievalProperties limits;

    SearchController(Retriever retriever, RetrievalProperties limits) {
        this.retriever = retriever;
        this.limits = limits;
    }

    @PostMapping("/api/v1/search")
    SearchResponse search(CallerIdentity caller, @RequestBody SearchRequestBody body) {
        List<RetrievedChunk> chunks = retriever.retrieve(caller.tenantId(), body.toRequest(limits));
        return new SearchResponse(chunks.stream().map(Result::of).toList());
    }

    record SearchResponse(List<Result> results) {}

    record Result(
            UUID documentId,
            UUID chunkId,
            String text,
            int page,
            int pageEnd,
            int start,
            int end,
            double score,
            @Nullable String title,
            List<String> headingPath) {

        static Result of(RetrievedChunk c) {
            return new Result(
                    c.documentId(),
                    c.chunkId(),
                    c.text(),
                    c.page(),
                    c.pageEnd(),
                    c.start(),
                    c.end(),
                    c.score(),
                    c.title(),
                    c.headingPath());
        }
    }
}
