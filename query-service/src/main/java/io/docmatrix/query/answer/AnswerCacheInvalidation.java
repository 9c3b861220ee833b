package io.docmatrix.query.answer;

import io.docmatrix.query.retrieval.CorpusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Forgets cached answers when the documents they rest on change. A plain (synchronous) listener on purpose: it runs
 * inside the projection's transaction, so the eviction commits with the change or not at all, and no request can
 * read an answer over a corpus that no longer exists once the change is visible.
 */
@Component
class AnswerCacheInvalidation {

    private final AnswerCache cache;

    AnswerCacheInvalidation(AnswerCache cache) {
        this.cache = cache;
    }

    @EventListener
    void on(CorpusChanged change) {
        cache.evict(change.tenantId(), change.documentId());
    }
}
