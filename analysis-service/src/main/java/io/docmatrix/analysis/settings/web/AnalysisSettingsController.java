package io.docmatrix.analysis.settings.web;

import io.docmatrix.analysis.settings.TenantSettings;
import io.docmatrix.analysis.settings.TenantSettingsRepository;
import io.docmatrix.runtime.identity.CallerIdentity;
import io.docmatrix.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tenant's analysis settings: anyone of the tenant reads them, administrators change them. */
@RestController
@RequestMapping("/api/v1/analysis-settings")
class AnalysisSettingsController {

    private final TenantSettingsRepository settings;

    AnalysisSettingsController(TenantSettingsRepository settings) {
        this.settings = settings;
    }

    @GetMapping
    TenantSettings get(CallerIdentity caller) {
        return settings.find(caller.tenantId());
    }

    @PutMapping
    TenantSettings put(CallerIdentity caller, @RequestBody(required = false) @Nullable SettingsBody body) {
        if (!caller.hasAnyRole("ADMIN")) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN, "FORBIDDEN", "Only administrators change the analysis settings.");
        }
        if (body == null || body.automaticAnalysis() == null) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "INVALID_SETTINGS", "automaticAnalysis (true or false) is required.");
        }
        return settings.save(caller.tenantId(), body.automaticAnalysis(), caller.subject());
    }

    /** A missing field is an error, not a silent default. */
    record SettingsBody(@Nullable Boolean automaticAnalysis) {}
}
