package io.docmatrix.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule fails on a rendered manifest broken in exactly one way, so a green chart test means the rules held rather
 * than that the checker looked at nothing.
 */
class DeploymentRulesTest {

    static String rendered;

    @BeforeAll
    static void renderOnce() {
        rendered = Chart.renderProductionYaml();
    }

    @Test
    void theUnbrokenRenderHasNoViolations() {
        assertThat(DeploymentRules.violations(Chart.parse(rendered))).isEmpty();
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                breakage("no startup probe", "no HTTP startupProbe", m -> container(m)
                        .remove("startupProbe")),
                breakage("liveness on readiness", "livenessProbe is not /actuator/health/liveness", m -> Yamls.map(
                                container(m).get("livenessProbe"))
                        .put("httpGet", Map.of("path", "/actuator/health/readiness", "port", "http"))),
                breakage("runs as root", "runAsUser is not a non-zero uid", m -> security(m)
                        .put("runAsUser", 0)),
                breakage("may escalate", "allowPrivilegeEscalation is not false", m -> security(m)
                        .remove("allowPrivilegeEscalation")),
                breakage("keeps capabilities", "capabilities do not drop ALL", m -> security(m)
                        .put("capabilities", Map.of("drop", List.of("NET_RAW")))),
                breakage("no memory limit", "no resources.limits.memory", m -> Yamls.map(
                                Yamls.at(container(m), "resources.limits"))
                        .remove("memory")),
                breakage("latest image", "has no pinned tag", m -> container(m)
                        .put("image", "docmatrix/query-service:latest")),
                breakage("untagged image", "has no pinned tag", m -> container(m)
                        .put("image", "registry:5000/query-service")),
                breakage("literal password", "DOCMATRIX_DB_PASSWORD is not taken from a Secret", m -> envNamed(
                                m, "DOCMATRIX_DB_PASSWORD")
                        .put("value", "hunter2")),
                breakage("duplicate variable", "DOCMATRIX_INTERNAL_SECRET is set twice", m -> Yamls.list(
                                container(m).get("env"))
                        .add(Map.of(
                                "name",
                                "DOCMATRIX_INTERNAL_SECRET",
                                "valueFrom",
                                Map.of("secretKeyRef", Map.of("name", "other", "key", "secret"))))),
                breakage("no checksum", "no checksum annotation", m -> m.map("spec.template.metadata.annotations")
                        .clear()),
                breakage("mounts the token", "pod automountServiceAccountToken is not false", m -> m.map(
                                "spec.template.spec")
                        .put("automountServiceAccountToken", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void catchesABrokenQueryServiceDeployment(String what, String expected, Consumer<Manifest> breakage) {
        List<Manifest> manifests = Chart.parse(rendered);
        breakage.accept(HelmChartTest.deployment(manifests, "query-service"));

        assertThat(DeploymentRules.violations(manifests))
                .singleElement()
                .asString()
                .startsWith("Deployment/dm-docmatrix-query-service")
                .contains(expected);
    }

    @Test
    void catchesASecretLookingKeyInAConfigMap() {
        List<Manifest> manifests = Chart.parse(rendered);
        HelmChartTest.configMap(manifests, "query-service-env").map("data").put("DOCMATRIX_LLM_API_KEY", "sk-1");

        assertThat(DeploymentRules.violations(manifests))
                .singleElement()
                .asString()
                .contains("secret-looking key DOCMATRIX_LLM_API_KEY");
    }

    @Test
    void catchesASecretLookingKeyInsideAConfigServerFile() {
        List<Manifest> manifests = Chart.parse(rendered);
        HelmChartTest.configMap(manifests, "config-server-files")
                .map("data")
                .put("query-service.yml", "query:\n  answers:\n    llm:\n      api-key: sk-1\n");

        assertThat(DeploymentRules.violations(manifests))
                .singleElement()
                .asString()
                .contains("secret-looking key query.answers.llm.api-key");
    }

    @Test
    void catchesARenderedSecret() {
        List<Manifest> manifests = new ArrayList<>(Chart.parse(rendered));
        manifests.add(new Manifest(Map.of("kind", "Secret", "metadata", Map.of("name", "leak"))));

        assertThat(DeploymentRules.violations(manifests))
                .singleElement()
                .asString()
                .contains("renders a Secret");
    }

    @Test
    void catchesADeploymentWithoutADisruptionBudget() {
        List<Manifest> manifests = new ArrayList<>(Chart.parse(rendered));
        manifests.removeIf(m -> m.is("PodDisruptionBudget") && m.name().endsWith("analysis-service"));

        assertThat(DeploymentRules.violations(manifests))
                .singleElement()
                .asString()
                .contains("analysis-service: no PodDisruptionBudget");
    }

    @Test
    void catchesADeploymentWithoutANetworkPolicy() {
        List<Manifest> manifests = new ArrayList<>(Chart.parse(rendered));
        manifests.removeIf(m -> m.is("NetworkPolicy") && m.name().endsWith("ingestion-service"));

        assertThat(DeploymentRules.violations(manifests))
                .singleElement()
                .asString()
                .contains("ingestion-service: no NetworkPolicy");
    }

    // ---------------------------------------------------------------------------------------------------------------

    static Arguments breakage(String what, String expected, Consumer<Manifest> breakage) {
        return Arguments.of(what, expected, breakage);
    }

    static Map<String, Object> container(Manifest deployment) {
        return HelmChartTest.container(deployment);
    }

    static Map<String, Object> security(Manifest deployment) {
        return Yamls.map(container(deployment).get("securityContext"));
    }

    static Map<String, Object> envNamed(Manifest deployment, String name) {
        return Yamls.list(container(deployment).get("env")).stream()
                .map(Yamls::map)
                .filter(entry -> name.equals(entry.get("name")))
                .findFirst()
                .map(entry -> {
                    entry.remove("valueFrom");
                    return entry;
                })
                .orElseThrow();
    }
}
