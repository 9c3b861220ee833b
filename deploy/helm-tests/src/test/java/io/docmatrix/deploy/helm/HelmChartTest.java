package io.docmatrix.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chart as Helm renders it: with its defaults, with ci/production-values.yaml, and with broken overrides. */
class HelmChartTest {

    static final Set<String> SERVICES = Set.of(
            "config-server",
            "auth-service",
            "gateway-service",
            "ingestion-service",
            "analysis-service",
            "query-service");

    static final Set<String> ALERTS = Set.of(
            "DocmatrixHighErrorRate",
            "DocmatrixHighLatencyP95",
            "DocmatrixConsumerLagGrowing",
            "DocmatrixDocumentsStuck",
            "DocmatrixDeadLetters",
            "DocmatrixReplicationSlotLag",
            "DocmatrixCircuitBreakerOpen",
            "DocmatrixServiceDown");

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
        assertThat(namesOf(manifests, "Deployment")).isEqualTo(componentNames(SERVICES));
        assertThat(namesOf(manifests, "Service")).isEqualTo(componentNames(SERVICES));
        assertThat(namesOf(manifests, "ServiceAccount")).isEqualTo(componentNames(SERVICES));
    }

    @Test
    void productionValuesRenderWithinTheRules() {
        List<Manifest> manifests = Chart.renderProduction();

        assertThat(DeploymentRules.violations(manifests)).isEmpty();
        assertThat(namesOf(manifests, "Deployment")).isEqualTo(componentNames(SERVICES));
    }

    @Test
    void imageTagsDefaultToTheChartAppVersion() {
        List<Manifest> manifests = Chart.renderDefaults();

        assertThat(containers(manifests))
                .extracting(container -> String.valueOf(container.get("image")))
                .allMatch(image -> image.startsWith("docmatrix/") && image.endsWith(":0.1.0"));
    }

    @Test
    void withoutKedaOrThePrometheusOperatorInTheClusterRendersNeitherAndScalesGatewayAndQueryOnCpu() {
        List<Manifest> manifests = Chart.renderDefaults();

        assertThat(namesOf(manifests, "ScaledObject")).isEmpty();
        assertThat(namesOf(manifests, "ServiceMonitor")).isEmpty();
        assertThat(namesOf(manifests, "PrometheusRule")).isEmpty();
        assertThat(namesOf(manifests, "HorizontalPodAutoscaler"))
                .isEqualTo(componentNames(Set.of("gateway-service", "query-service")));
        assertThat(deployment(manifests, "ingestion-service").at("spec.replicas"))
                .isEqualTo(2);
    }

    @Test
    void productionScalesConsumersOnLagWithKedaAndLeavesTheirReplicasToIt() {
        List<Manifest> manifests = Chart.renderProduction();

        assertThat(namesOf(manifests, "ScaledObject"))
                .isEqualTo(componentNames(Set.of("ingestion-service", "analysis-service")));
        assertThat(namesOf(manifests, "HorizontalPodAutoscaler"))
                .isEqualTo(componentNames(Set.of("gateway-service", "query-service")));
        Manifest analysis = only(manifests, "ScaledObject", "dm-docmatrix-analysis-service");
        assertThat(analysis.list("spec.triggers"))
                .extracting(trigger -> Yamls.at(trigger, "metadata.topic"))
                .containsExactly("documents.chunks.v1", "documents.lifecycle.v1");
        assertThat(analysis.list("spec.triggers"))
                .extracting(trigger -> Yamls.at(trigger, "metadata.consumerGroup"))
                .containsOnly("analysis-service");
        assertThat(deployment(manifests, "analysis-service").at("spec.replicas"))
                .isNull();
        assertThat(deployment(manifests, "gateway-service").at("spec.replicas")).isNull();
    }

    @Test
    void productionRendersAServiceMonitorAndOneAlertPerRunbookSection() {
        List<Manifest> manifests = Chart.renderProduction();

        Manifest monitor = only(manifests, "ServiceMonitor", "dm-docmatrix");
        assertThat(monitor.list("spec.endpoints"))
                .extracting(endpoint -> Yamls.at(endpoint, "path"))
                .containsExactly("/actuator/prometheus");
        List<Object> rules = Yamls.list(Yamls.at(
                only(manifests, "PrometheusRule", "dm-docmatrix")
                        .list("spec.groups")
                        .get(0),
                "rules"));
        assertThat(rules).extracting(rule -> Yamls.at(rule, "alert")).containsExactlyInAnyOrderElementsOf(ALERTS);
        assertThat(rules)
                .extracting(rule -> String.valueOf(Yamls.at(rule, "annotations.runbook_url")))
                .allMatch(url -> url.contains("docs/operations.md#alert-"));
    }

    @Test
    void productionKafkaClientsAuthenticateWithSaslFromASecretAndTrustTheBrokersCa() {
        List<Manifest> manifests = Chart.renderProduction();

        for (String service : SERVICES) {
            Map<String, Object> container = container(deployment(manifests, service));
            Map<String, Object> env = configMap(manifests, service + "-env").map("data");
            if (service.equals("config-server")) {
                assertThat(env).doesNotContainKey("SPRING_KAFKA_SECURITY_PROTOCOL");
                continue;
            }
            assertThat(env)
                    .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry(
                            "SPRING_KAFKA_SSL_TRUSTSTORELOCATION",
                            "file:/etc/docmatrix/kafka/truststore/truststore.p12");
            assertThat(secretRef(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .isEqualTo("docmatrix-kafka-sasl/sasl.jaas.config");
            assertThat(Yamls.list(container.get("volumeMounts")))
                    .extracting(mount -> Yamls.at(mount, "mountPath"))
                    .contains("/etc/docmatrix/kafka/truststore");
        }
    }

    @Test
    void aServicesOwnKafkaPrincipalReplacesTheSharedOne() {
        List<Manifest> manifests = Chart.render(
                List.of(Chart.PRODUCTION_VALUES),
                Map.of(
                        "services.ingestion-service.secretEnv.SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG.name",
                        "docmatrix-kafka-sasl-ingestion",
                        "services.ingestion-service.secretEnv.SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG.key",
                        "sasl.jaas.config"));

        assertThat(DeploymentRules.violations(manifests)).isEmpty();
        assertThat(secretRef(
                        container(deployment(manifests, "ingestion-service")),
                        "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .isEqualTo("docmatrix-kafka-sasl-ingestion/sasl.jaas.config");
        assertThat(secretRef(
                        container(deployment(manifests, "analysis-service")),
                        "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .isEqualTo("docmatrix-kafka-sasl/sasl.jaas.config");
    }

    @Test
    void everyAlertLinksARunbookSectionOfTheOperationsGuide() throws java.io.IOException {
        String guide = java.nio.file.Files.readString(Chart.DIRECTORY.resolve("../../../docs/operations.md"));
        java.util.Set<String> anchors = guide.lines()
                .filter(line -> line.startsWith("### "))
                .map(line -> line.substring(4)
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "")
                        .replace(' ', '-'))
                .collect(Collectors.toSet());
        List<Object> rules = Yamls.list(Yamls.at(
                only(Chart.renderProduction(), "PrometheusRule", "dm-docmatrix")
                        .list("spec.groups")
                        .get(0),
                "rules"));

        assertThat(rules)
                .extracting(rule -> String.valueOf(Yamls.at(rule, "annotations.runbook_url"))
                        .replaceFirst(".*#", ""))
                .allMatch(anchors::contains, "a heading of docs/operations.md");
    }

    @Test
    void everySecretIsAReferenceToAnExistingSecretKey() {
        List<Manifest> manifests = Chart.renderProduction();

        assertThat(namesOf(manifests, "Secret")).isEmpty();
        Map<String, Object> query = container(deployment(manifests, "query-service"));
        assertThat(secretRef(query, "DOCMATRIX_DB_PASSWORD")).isEqualTo("docmatrix-db-query/password");
        assertThat(secretRef(query, "DOCMATRIX_FLYWAY_PASSWORD")).isEqualTo("docmatrix-db-query-owner/password");
        assertThat(secretRef(query, "DOCMATRIX_LLM_API_KEY")).isEqualTo("docmatrix-llm/api-key");
        Map<String, Object> auth = container(deployment(manifests, "auth-service"));
        assertThat(secretRef(auth, "DOCMATRIX_AUTH_KEY_SECRET")).isEqualTo("docmatrix-auth/key-encryption-secret");
        assertThat(secretRef(auth, "DOCMATRIX_ADMIN_PASSWORD")).isEqualTo("docmatrix-auth/admin-password");
        assertThat(secretRef(auth, "DOCMATRIX_INTERNAL_SECRET")).isEqualTo("docmatrix-internal-identity/secret");
        Map<String, Object> gateway = container(deployment(manifests, "gateway-service"));
        assertThat(secretRef(gateway, "DOCMATRIX_REDIS_PASSWORD")).isEqualTo("docmatrix-redis/password");
        assertThat(secretRef(gateway, "AWS_SECRET_ACCESS_KEY")).isEqualTo("docmatrix-s3/secret-access-key");
    }

    @Test
    void onlyTheIngressControllerReachesTheGatewayAndOnlyTheGatewayReachesTheServicesBehindIt() {
        List<Manifest> manifests = Chart.renderDefaults();

        assertThat(ingressSources(manifests, "gateway-service"))
                .containsExactly(
                        "namespace kubernetes.io/metadata.name=ingress-nginx",
                        "namespace kubernetes.io/metadata.name=monitoring");
        for (String service : List.of("auth-service", "ingestion-service", "analysis-service", "query-service")) {
            assertThat(ingressSources(manifests, service))
                    .as(service)
                    .containsExactly("pods gateway-service", "namespace kubernetes.io/metadata.name=monitoring");
        }
        Manifest ingress = only(manifests, "Ingress", "dm-docmatrix-gateway-service");
        assertThat(Yamls.at(ingress.list("spec.rules").get(0), "http.paths"))
                .asString()
                .contains("dm-docmatrix-gateway-service");
    }

    @Test
    void onlyGatewayAndIngestionReachTheBlobStoreAndOnlyQueryReachesTheLlm() {
        List<Manifest> manifests = Chart.renderProduction();

        for (String service : SERVICES) {
            List<Object> ports = egressPorts(manifests, service);
            boolean blobs = service.equals("gateway-service") || service.equals("ingestion-service");
            assertThat(ports.contains(443))
                    .as(service + " to port 443 (S3, LLM)")
                    .isEqualTo(blobs || service.equals("query-service"));
            assertThat(ports.contains(6380)).as(service + " to Redis").isEqualTo(service.equals("gateway-service"));
            assertThat(ports.contains(9093)).as(service + " to Kafka").isEqualTo(!service.equals("config-server"));
            assertThat(ports.contains(8888))
                    .as(service + " to the config server")
                    .isEqualTo(!service.equals("config-server"));
        }
    }

    @Test
    void aChangedTopicLayoutRollsTheConfigServer() {
        String before = checksum(Chart.renderDefaults(), "config-server", "checksum/config-files");

        String after = checksum(
                Chart.render(List.of(), Map.of("kafka.topicPartitions", 12)), "config-server", "checksum/config-files");

        assertThat(after).isNotEqualTo(before);
        assertThat(configMap(Chart.render(List.of(), Map.of("kafka.topicPartitions", 12)), "config-server-files")
                        .string("data.application\\.yml"))
                .contains("partitions: 12");
    }

    @Test
    void schemaRejectsATypoedServiceSetting() {
        assertThatThrownBy(() -> Chart.render(List.of(), Map.of("services.gateway-service.replica", 3)))
                .hasMessageContaining("additional properties 'replica' not allowed");
    }

    @Test
    void schemaRejectsATypoedTopLevelSection() {
        assertThatThrownBy(() -> Chart.render(List.of(), Map.of("kafak.bootstrapServers", "broker:9092")))
                .hasMessageContaining("additional properties 'kafak' not allowed");
    }

    @Test
    void schemaRejectsTheLatestTag() {
        assertThatThrownBy(() -> Chart.render(List.of(), Map.of("services.query-service.image.tag", "latest")))
                .hasMessageContaining("/services/query-service/image/tag");
    }

    @Test
    void schemaRejectsAnUnknownKafkaSecurityProtocol() {
        assertThatThrownBy(() -> Chart.render(List.of(), Map.of("kafka.security.protocol", "SSL_SASL")))
                .hasMessageContaining("/kafka/security/protocol");
    }

    @Test
    void chartRefusesASecretLookingVariableAsPlainEnvironment() {
        assertThatThrownBy(() -> Chart.render(
                        List.of(), Map.of("services.query-service.env.DOCMATRIX_EMBEDDING_API_KEY", "sk-plain")))
                .hasMessageContaining("secretEnv");
    }

    @Test
    void chartRefusesSaslWithoutAJaasSecret() {
        assertThatThrownBy(() -> Chart.render(List.of(), Map.of("kafka.security.protocol", "SASL_SSL")))
                .hasMessageContaining("jaasConfigSecret");
    }

    @Test
    void chartRefusesMoreKedaReplicasThanPartitions() {
        assertThatThrownBy(() -> Chart.render(List.of(Chart.PRODUCTION_VALUES), Map.of("kafka.topicPartitions", 6)))
                .hasMessageContaining("exceeds kafka.topicPartitions");
    }

    @Test
    void chartRefusesAFilesystemBlobStoreWithoutASharedClaim() {
        assertThatThrownBy(() -> Chart.render(List.of(), Map.of("blobs.store", "filesystem")))
                .hasMessageContaining("existingClaim");
    }

    @Test
    void aFilesystemBlobStoreIsOneClaimSharedByGatewayAndIngestion() {
        List<Manifest> manifests =
                Chart.render(List.of(), Map.of("blobs.store", "filesystem", "blobs.filesystem.existingClaim", "blobs"));

        for (String service : SERVICES) {
            boolean mounted = Yamls.list(
                            container(deployment(manifests, service)).get("volumeMounts"))
                    .stream()
                    .anyMatch(mount -> "/var/lib/docmatrix/blobs".equals(Yamls.at(mount, "mountPath")));
            assertThat(mounted)
                    .as(service)
                    .isEqualTo(service.equals("gateway-service") || service.equals("ingestion-service"));
        }
    }

    @Test
    void rulesCatchAWritableRootFilesystemSwitchedOnByValues() {
        List<Manifest> manifests =
                Chart.render(List.of(), Map.of("containerSecurityContext.readOnlyRootFilesystem", false));

        assertThat(DeploymentRules.violations(manifests))
                .hasSize(SERVICES.size())
                .allMatch(violation -> violation.endsWith("readOnlyRootFilesystem is not true"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    static Set<String> componentNames(Set<String> services) {
        return services.stream().map(s -> "dm-docmatrix-" + s).collect(Collectors.toSet());
    }

    static Set<String> namesOf(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.is(kind)).map(Manifest::name).collect(Collectors.toSet());
    }

    static Manifest only(List<Manifest> manifests, String kind, String name) {
        return manifests.stream()
                .filter(m -> m.is(kind) && m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    static Manifest deployment(List<Manifest> manifests, String service) {
        return only(manifests, "Deployment", "dm-docmatrix-" + service);
    }

    static Manifest configMap(List<Manifest> manifests, String suffix) {
        return only(manifests, "ConfigMap", "dm-docmatrix-" + suffix);
    }

    static Map<String, Object> container(Manifest deployment) {
        return Yamls.map(deployment.list("spec.template.spec.containers").get(0));
    }

    static List<Map<String, Object>> containers(List<Manifest> manifests) {
        return manifests.stream()
                .filter(m -> m.is("Deployment"))
                .map(HelmChartTest::container)
                .toList();
    }

    static String secretRef(Map<String, Object> container, String env) {
        return Yamls.list(container.get("env")).stream()
                .filter(entry -> env.equals(Yamls.at(entry, "name")))
                .map(entry -> Yamls.at(entry, "valueFrom.secretKeyRef.name") + "/"
                        + Yamls.at(entry, "valueFrom.secretKeyRef.key"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(env + " not set"));
    }

    static String checksum(List<Manifest> manifests, String service, String annotation) {
        return String.valueOf(deployment(manifests, service)
                .map("spec.template.metadata.annotations")
                .get(annotation));
    }

    /** Who may connect to a service: "pods <name>" or "namespace <label>=<value>", per ingress rule. */
    static List<String> ingressSources(List<Manifest> manifests, String service) {
        return only(manifests, "NetworkPolicy", "dm-docmatrix-" + service).list("spec.ingress").stream()
                .flatMap(rule -> Yamls.list(Yamls.at(rule, "from")).stream())
                .map(peer -> {
                    Map<String, Object> namespace = Yamls.map(Yamls.at(peer, "namespaceSelector.matchLabels"));
                    if (!namespace.isEmpty()) {
                        Map.Entry<String, Object> label =
                                namespace.entrySet().iterator().next();
                        return "namespace " + label.getKey() + "=" + label.getValue();
                    }
                    return "pods " + Yamls.at(peer, "podSelector.matchLabels.app\\.kubernetes\\.io/name");
                })
                .toList();
    }

    static List<Object> egressPorts(List<Manifest> manifests, String service) {
        return only(manifests, "NetworkPolicy", "dm-docmatrix-" + service).list("spec.egress").stream()
                .flatMap(rule -> Yamls.list(Yamls.at(rule, "ports")).stream())
                .map(port -> Yamls.at(port, "port"))
                .toList();
    }
}
