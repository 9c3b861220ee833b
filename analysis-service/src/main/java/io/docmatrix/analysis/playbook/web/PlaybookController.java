package io.docmatrix.analysis.playbook.web;

import io.docmatrix.analysis.playbook.ClauseRule;
import io.docmatrix.analysis.playbook.InvalidPlaybookException;
import io.docmatrix.analysis.playbook.Playbook;
import io.docmatrix.analysis.playbook.PlaybookRepository.ConcurrentPlaybookChangeException;
import io.docmatrix.analysis.playbook.Playbooks;
import io.docmatrix.analysis.playbook.Thresholds;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.web.ApiProblem;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Playbooks of the caller's tenant. Any caller of the tenant reads them; only administrators change them, and every
 * change is a new version (old versions stay readable, because analyses refer to them).
 */
@RestController
@RequestMapping("/api/v1/playbooks")
class PlaybookController {

    private final Playbooks playbooks;

    PlaybookController(Playbooks playbooks) {
        this.playbooks = playbooks;
    }

    @GetMapping
    List<PlaybookSummary> list(CallerIdentity caller) {
        return playbooks.list(caller.tenantId()).stream()
                .map(p -> new PlaybookSummary(
                        p.id(), p.version(), p.name(), p.rules().size()))
                .toList();
    }

    @GetMapping("/{id}")
    Playbook get(
            CallerIdentity caller, @PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        return playbooks.find(caller.tenantId(), id, version).orElseThrow(() -> ApiProblem.notFound("Playbook"));
    }

    @PutMapping("/{id}")
    ResponseEntity<Playbook> put(CallerIdentity caller, @PathVariable String id, @RequestBody PlaybookBody body) {
        if (!caller.hasAnyRole("ADMIN")) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only administrators change playbooks.");
        }
        List<ClauseRule> rules = body.rules() == null
                ? List.of()
                : body.rules().stream().filter(Objects::nonNull).toList();
        if (body.rules() != null && rules.size() != body.rules().size()) {
            throw new InvalidPlaybookException(List.of("rules must not contain null entries"));
        }
        Playbook saved = playbooks.save(
                caller.tenantId(),
                id,
                body.name() == null ? "" : body.name(),
                rules,
                body.thresholds() == null ? Thresholds.none() : body.thresholds(),
                caller.subject());
        return ResponseEntity.ok(saved);
    }

    @ExceptionHandler(InvalidPlaybookException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPlaybookException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The playbook is invalid.");
        body.setProperty("code", "PLAYBOOK_INVALID");
        body.setProperty("errors", e.problems());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(ConcurrentPlaybookChangeException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrentPlaybookChangeException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Another change of this playbook was saved at the same time; retry.");
        body.setProperty("code", "PLAYBOOK_CONFLICT");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    /** A new version of a playbook; the id comes from the path and the version is assigned. */
    record PlaybookBody(@Nullable String name, @Nullable List<ClauseRule> rules, @Nullable Thresholds thresholds) {}

    record PlaybookSummary(String id, int version, String name, int rules) {}
}
