package io.docmatrix.query.answer.llm;

import io.docmatrix.runtime.observability.TenantTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * What the language model costs and how it behaves, per tenant: {@code docmatrix_llm_calls_total{tenant,outcome}} (one
 * per attempt sent to the model, plus one per question the open circuit kept from it), {@code
 * docmatrix_llm_tokens_total{tenant,kind}} (prompt and completion tokens as the model's usage reports them) and the
 * {@code docmatrix_llm_seconds} histogram of attempts by outcome. Tenant tags are bounded ({@link TenantTags}); the
 * histogram carries no tenant, since its buckets multiply every tag value.
 */
public final class LlmMetrics {

    /** How one attempt ended. */
    public enum Outcome {
        /** The model answered. */
        OK,
        /** No answer within the attempt's deadline. */
        TIMEOUT,
        /** The endpoint answered an error status, or could not be reached. */
        ERROR,
        /** Not called: the circuit breaker is open after repeated failures. */
        REJECTED_BY_BREAKER;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry meters;
    private final TenantTags tenants;

    public LlmMetrics(MeterRegistry meters, TenantTags tenants) {
        this.meters = meters;
        this.tenants = tenants;
        // Present at zero from startup (also without a model), so dashboards and the metrics smoke check see them.
        calls(TenantTags.NONE, Outcome.OK);
        tokens(TenantTags.NONE, "prompt");
        tokens(TenantTags.NONE, "completion");
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.REJECTED_BY_BREAKER) {
                timer(outcome);
            }
        }
    }

    /** An attempt that reached (or tried to reach) the model. */
    public void attempted(String tenant, Outcome outcome, Duration took) {
        calls(tenant, outcome).increment();
        timer(outcome).record(took);
    }

    /** A question the open circuit answered without calling the model. */
    public void rejected(String tenant) {
        calls(tenant, Outcome.REJECTED_BY_BREAKER).increment();
    }

    /** Tokens of one reply, as the model's usage reported them. */
    public void used(String tenant, long promptTokens, long completionTokens) {
        tokens(tenant, "prompt").increment(promptTokens);
        tokens(tenant, "completion").increment(completionTokens);
    }

    private Counter calls(String tenant, Outcome outcome) {
        return Counter.builder("docmatrix.llm.calls")
                .description("Language model calls by outcome, per tenant")
                .tag("tenant", tenants.of(tenant))
                .tag("outcome", outcome.tag())
                .register(meters);
    }

    private Counter tokens(String tenant, String kind) {
        return Counter.builder("docmatrix.llm.tokens")
                .description("Tokens the language model reported using, per tenant, prompt or completion")
                .tag("tenant", tenants.of(tenant))
                .tag("kind", kind)
                .register(meters);
    }

    private Timer timer(Outcome outcome) {
        return Timer.builder("docmatrix.llm")
                .description("Time of one language model attempt, by outcome")
                .tag("outcome", outcome.tag())
                .publishPercentileHistogram()
                .register(meters);
    }
}
