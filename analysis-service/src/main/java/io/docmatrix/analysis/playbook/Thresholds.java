package io.docmatrix.analysis.playbook;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Limits the risk agent checks key facts against; a null limit is not checked. A threshold finding takes the severity
 * of the playbook rule of the category it concerns (notice periods: Notice Period to Terminate Renewal; renewal:
 * Renewal Term; liability: Cap on Liability; law: Governing Law), MEDIUM when the playbook has no such rule.
 *
 * @param minNoticePeriodDays a termination or non-renewal notice shorter than this leaves too little time to react
 * @param maxNoticePeriodDays a notice longer than this locks the tenant in (it must decide far ahead)
 * @param maxRenewalTermMonths automatic renewal periods longer than this are flagged
 * @param autoRenewalAllowed false flags any automatic renewal; absent means true
 * @param liabilityCapRequired true flags liability without a cap; absent means false
 * @param allowedGoverningLaw jurisdictions acceptable as governing law (matched case-insensitively as a substring of
 *     the clause's law); empty accepts any
 */
public record Thresholds(
        @Nullable Integer minNoticePeriodDays,
        @Nullable Integer maxNoticePeriodDays,
        @Nullable Integer maxRenewalTermMonths,
        Boolean autoRenewalAllowed,
        Boolean liabilityCapRequired,
        List<String> allowedGoverningLaw) {

    public Thresholds {
        // Absent flags read as the permissive default, so a playbook only names the limits it wants.
        autoRenewalAllowed = autoRenewalAllowed == null ? Boolean.TRUE : autoRenewalAllowed;
        liabilityCapRequired = liabilityCapRequired == null ? Boolean.FALSE : liabilityCapRequired;
        allowedGoverningLaw = allowedGoverningLaw == null ? List.of() : List.copyOf(allowedGoverningLaw);
    }

    public static Thresholds none() {
        return new Thresholds(null, null, null, true, false, List.of());
    }
}
