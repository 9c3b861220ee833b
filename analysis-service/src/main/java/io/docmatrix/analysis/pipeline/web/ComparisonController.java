package io.docmatrix.analysis.pipeline.web;

import io.docmatrix.analysis.pipeline.Comparisons;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compares two documents, or two versions of one document, clause by clause. Both must belong to the caller's tenant
 * and have a completed analysis; versions default to the latest analysed one.
 */
@RestController
@RequestMapping("/api/v1/comparisons")
class ComparisonController {

    private final Comparisons comparisons;

    ComparisonController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @PostMapping
    Comparisons.Result compare(CallerIdentity caller, @Valid @RequestBody ComparisonRequest request) {
        try {
            return comparisons.compare(
                    caller.tenantId(),
                    request.leftDocumentId(),
                    request.leftVersion(),
                    request.rightDocumentId(),
                    request.rightVersion());
        } catch (Comparisons.NotComparableException e) {
            throw new ApiProblem(e.missing() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, e.code(), e.getMessage());
        }
    }

    record ComparisonRequest(
            @NotNull UUID leftDocumentId,
            @Nullable @Min(1) Integer leftVersion,
            @NotNull UUID rightDocumentId,
            @Nullable @Min(1) Integer rightVersion) {}
}
