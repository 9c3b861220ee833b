package io.docmatrix.eval.abuse;

import io.docmatrix.eval.abuse.http.Probe;
import io.docmatrix.eval.abuse.http.Session;
import io.docmatrix.eval.abuse.listener.CallbackListener;
import io.docmatrix.eval.abuse.llm.ObedientLlm;
import io.docmatrix.eval.platform.TenantAccess;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What every suite of one run shares: the gateway, the tenants, the canary listener, the obedient model (when
 * query-service was started against it), the platform's var folder (logs, PIDs, blobs) and the profile.
 *
 * @param runId distinguishes this run's canaries, markers and external ids from any earlier run's
 */
public record AbuseContext(
        Probe probe,
        TenantAccess tenants,
        CallbackListener listener,
        @Nullable ObedientLlm llm,
        Path varDir,
        @Nullable Path parserCorpus,
        boolean smoke,
        String runId,
        Map<String, Session> sessions) {

    public AbuseContext {
        sessions = sessions == null ? new ConcurrentHashMap<>() : sessions;
    }

    /** The administrator of {@code tenant}, created on first use; one login per tenant and run (login is throttled). */
    public Session session(String tenant) {
        return sessions.computeIfAbsent(
                tenant, t -> Session.login(probe, tenants.administratorOf(t).credentials()));
    }

    public Optional<ObedientLlm> model() {
        return Optional.ofNullable(llm);
    }

    public Documents documents() {
        return new Documents(probe);
    }
}
