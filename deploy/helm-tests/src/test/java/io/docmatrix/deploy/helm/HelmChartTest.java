package io.docmatrix.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HelmChartTest {

    static final Set<String> SERVICES = Set.of(
            "config-server",
            "auth-service",
            "gateway-service",
            "ingestion-service",
            "analysis-service",
            "query-service");

    @Test
    void lintsStrictlyWithoutFailures() {
        LintResult result = Chart.lintStrict();

        assertThat(result.isFailed())
                .as("lint messages: %s", result.getMessages())
                .isFalse();
    }

    @Test
    void defaultValuesRenderEveryServiceWithinTheRules() {
        List<Manifest> manifests = Chart.renderDefaults();

        assertThat(DeploymentRules.violations(manifests)).isEmpty();
        assertThat(namesOf(manifests, "Deployment"))
                .isEqualTo(SERVICES.stream().map(s -> "dm-docmatrix-" + s).collect(Collectors.toSet()));
    }

    @Test
    void productionValuesRenderWithinTheRules() {
        List<Manifest> manifests = Chart.renderProduction();

        assertThat(DeploymentRules.violations(manifests)).isEmpty();
    }

    private static Set<String> namesOf(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.is(kind)).map(Manifest::name).collect(Collectors.toSet());
    }

    static Manifest only(List<Manifest> manifests, String kind, String name) {
        return manifests.stream()
                .filter(m -> m.is(kind) && m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }
}
