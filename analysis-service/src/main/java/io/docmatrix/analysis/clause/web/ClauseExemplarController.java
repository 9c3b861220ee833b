package io.docmatrix.analysis.clause.web;

import io.docmatrix.analysis.clause.ClauseExemplarLearning;
import io.docmatrix.analysis.clause.ExemplarText;
import io.docmatrix.analysis.clause.InvalidExemplarException;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's learned clause exemplars. Administrators only: exemplars change how every document of the tenant is
 * labelled. Everything is confined to the caller's tenant.
 */
@RestController
@RequestMapping("/api/v1/clause-exemplars")
class ClauseExemplarController {

    private final ClauseExemplarLearning learning;

    ClauseExemplarController(ClauseExemplarLearning learning) {
        this.learning = learning;
    }

    /** @param exemplars each with a CUAD category name and the clause text */
    record LearnRequest(@Nullable List<Item> exemplars) {}

    record Item(@Nullable String category, @Nullable String text) {}

    record LearnResponse(int received, int added) {}

    record ClearResponse(int deleted) {}

    record StatsResponse(int total, Map<String, Integer> byCategory, String model) {}

    @PostMapping
    ResponseEntity<LearnResponse> learn(CallerIdentity caller, @RequestBody LearnRequest request) {
        requireAdmin(caller);
        List<ExemplarText> texts = request.exemplars() == null
                ? List.of()
                : request.exemplars().stream()
                        .map(i -> new ExemplarText(orEmpty(i.category()), orEmpty(i.text())))
                        .toList();
        try {
            ClauseExemplarLearning.Learned learned = learning.learn(caller.tenantId(), texts);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new LearnResponse(learned.received(), learned.added()));
        } catch (InvalidExemplarException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        }
    }

    @DeleteMapping
    ClearResponse clear(CallerIdentity caller) {
        requireAdmin(caller);
        return new ClearResponse(learning.forget(caller.tenantId()));
    }

    @GetMapping("/stats")
    StatsResponse stats(CallerIdentity caller) {
        requireAdmin(caller);
        ClauseExemplarLearning.Stats stats = learning.stats(caller.tenantId());
        return new StatsResponse(stats.total(), stats.byCategory(), stats.modelId());
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static void requireAdmin(CallerIdentity caller) {
        if (!caller.hasAnyRole("ADMIN")) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only administrators manage clause exemplars.");
        }
    }
}
