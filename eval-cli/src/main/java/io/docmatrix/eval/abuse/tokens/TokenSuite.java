package io.docmatrix.eval.abuse.tokens;

import io.docmatrix.eval.abuse.AbuseContext;
import io.docmatrix.eval.abuse.AbuseSuite;
import io.docmatrix.eval.abuse.Tally;
import io.docmatrix.eval.abuse.http.Reply;
import io.docmatrix.eval.abuse.http.Session;
import io.docmatrix.eval.platform.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token forgery and refresh replay through the running gateway. Promises: every forged credential is 401 on every
 * protected route (while the real token is accepted there, so the routes are reachable); no forgery makes the gateway
 * fetch a key from a URL in the token; a refresh token works once, its reuse is refused and revokes its whole family;
 * logout revokes; two concurrent uses of one refresh token yield at most one new token.
 */
public final class TokenSuite implements AbuseSuite {

    static final String TENANT = "abuse-tokens";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Protected routes, one per service and method family. */
    private static final List<String[]> ROUTES = List.of(
            new String[] {"GET", "/api/v1/documents"},
            new String[] {"POST", "/api/v1/search"},
            new String[] {"POST", "/api/v1/query"},
            new String[] {"GET", "/api/v1/playbooks"},
            new String[] {"GET", "/api/v1/clause-exemplars/stats"},
            new String[] {"GET", "/api/v1/users"},
            new String[] {"GET", "/api/v1/api-keys"},
            new String[] {"POST", "/api/v1/comparisons"},
            new String[] {"POST", "/api/v1/tenants"},
            new String[] {"POST", "/api/v1/auth/password"});

    @Override
    public String name() {
        return "tokens";
    }

    @Override
    public void run(AbuseContext context, Tally tally) throws Exception {
        Credentials credentials = context.tenants().administratorOf(TENANT).credentials();
        Session session = context.session(TENANT);
        String otherTenant = context.session("abuse-sqli").tenantId().toString();
        Reply jwks = context.probe().get("/.well-known/jwks.json", null);
        JsonNode key = jwks.json().path("keys").get(0);
        int listenerBefore = context.listener().connections().size();

        for (String[] route : ROUTES) {
            Reply control = call(context, route, session.accessToken());
            if (control.status() == 401) {
                throw new IllegalStateException(
                        "the real token is refused on " + route[1] + ": the corpus would prove nothing");
            }
            tally.count("control.realTokenAccepted");
        }
        Map<String, String> forgeries = new Forgeries(
                        session.accessToken(),
                        key,
                        context.listener().url("token/"),
                        session.refreshToken(),
                        otherTenant)
                .all();
        tally.add("forgeries", forgeries.size());
        for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
            for (String[] route : ROUTES) {
                Reply reply = call(context, route, forgery.getValue());
                tally.count("probes");
                tally.latency(reply.elapsed());
                String subject = forgery.getKey() + " on " + route[0] + " " + route[1];
                if (reply.status() == 401) {
                    tally.count("refused401");
                    if (reply.code().isEmpty()) {
                        tally.violation("unclean-refusal", subject, "401 without a problem code");
                    }
                } else {
                    tally.violation("forgery-accepted", subject, reply.outcome() + " " + abbreviate(reply.body()));
                }
            }
        }
        int keyFetches = context.listener().connections().size() - listenerBefore;
        tally.add("listener.connections", keyFetches);
        if (keyFetches > 0) {
            tally.violation("key-fetched-from-token-url", "jku/x5u", keyFetches + " connections to the listener");
        }
        refreshReplay(context, credentials, tally);
    }

    private static void refreshReplay(AbuseContext context, Credentials credentials, Tally tally) {
        // Reuse of a rotated refresh token revokes the family: the rotated successor stops working too.
        Session first = Session.login(context.probe(), credentials);
        Reply rotated = refresh(context, first.refreshToken());
        expect(tally, "refresh-once", rotated, 200);
        String successor =
                rotated.status() == 200 ? rotated.json().path("refresh_token").asString("") : "";
        Reply reuse = refresh(context, first.refreshToken());
        expect(tally, "refresh-reuse", reuse, 401);
        tally.count("reuse.code." + reuse.code().orElse("none"));
        expect(tally, "refresh-successor-after-reuse", refresh(context, successor), 401);

        // Logout revokes the family.
        Session second = Session.login(context.probe(), credentials);
        Reply logout = context.probe()
                .postJson(
                        "/api/v1/auth/logout",
                        null,
                        JSON.createObjectNode()
                                .put("refresh_token", second.refreshToken())
                                .toString());
        if (logout.status() / 100 != 2) {
            tally.violation("logout-failed", "logout", logout.outcome());
        }
        expect(tally, "refresh-after-logout", refresh(context, second.refreshToken()), 401);

        // Two concurrent uses of one refresh token: at most one wins.
        Session third = Session.login(context.probe(), credentials);
        List<CompletableFuture<Reply>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> refresh(context, third.refreshToken())));
        }
        long winners = racers.stream()
                .map(CompletableFuture::join)
                .filter(r -> r.status() == 200)
                .count();
        tally.add("race.winners", winners);
        if (winners > 1) {
            tally.violation("refresh-race", "concurrent refresh", winners + " of 4 concurrent refreshes succeeded");
        }
        for (String garbage :
                context.smoke() ? List.of("' OR '1'='1") : List.of("", "x", "' OR '1'='1", "a".repeat(10_000))) {
            Reply reply = refresh(context, garbage);
            tally.count("refresh.garbage");
            if (reply.status() != 400 && reply.status() != 401) {
                tally.violation("refresh-garbage", abbreviate(garbage), reply.outcome());
            }
        }
    }

    private static void expect(Tally tally, String step, Reply reply, int status) {
        tally.count("replay.steps");
        if (reply.status() != status) {
            tally.violation("refresh-replay", step, "expected " + status + ", got " + reply.outcome());
        }
    }

    private static Reply refresh(AbuseContext context, String refreshToken) {
        return context.probe()
                .postJson(
                        "/api/v1/auth/refresh",
                        null,
                        JSON.createObjectNode()
                                .put("refresh_token", refreshToken)
                                .toString());
    }

    private static Reply call(AbuseContext context, String[] route, String authorization) {
        if (route[0].equals("GET")) {
            return context.probe().get(route[1], authorization);
        }
        return context.probe().postJson(route[1], authorization, "{\"question\":\"token check\"}");
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
