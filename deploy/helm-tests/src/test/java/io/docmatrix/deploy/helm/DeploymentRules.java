package io.docmatrix.deploy.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The platform's rules for rendered manifests, as a list of human-readable violations (empty when all hold). Kept apart
 * from the chart so tests can show that each rule fails on a manifest that breaks it.
 */
final class DeploymentRules {

    /** Words that mark a key as secret; such keys may never sit in a ConfigMap. */
    static final Pattern SECRET_LOOKING =
            Pattern.compile("password|secret|token|key|credential", Pattern.CASE_INSENSITIVE);

    /** Environment variables that carry secrets: they must come from a Secret, never a literal value. */
    static final Pattern SECRET_ENV = Pattern.compile("PASSWORD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|JAAS");

    private DeploymentRules() {}

    static List<String> violations(List<Manifest> manifests) {
        List<String> violations = new ArrayList<>();
        List<Manifest> deployments =
                manifests.stream().filter(m -> m.is("Deployment")).toList();
        if (deployments.isEmpty()) {
            violations.add("no Deployment rendered");
        }
        for (Manifest deployment : deployments) {
            checkPod(deployment, violations);
            checkHasDisruptionBudget(deployment, manifests, violations);
            checkHasNetworkPolicy(deployment, manifests, violations);
        }
        for (Manifest manifest : manifests) {
            if (manifest.is("Secret")) {
                violations.add(manifest + ": the chart renders a Secret; secrets must come from existing Secrets");
            }
            if (manifest.is("ConfigMap")) {
                checkConfigMapHoldsNoSecrets(manifest, violations);
            }
            if (manifest.is("ServiceAccount") && !Boolean.FALSE.equals(manifest.at("automountServiceAccountToken"))) {
                violations.add(manifest + ": automountServiceAccountToken is not false");
            }
        }
        return violations;
    }

    private static void checkPod(Manifest deployment, List<String> violations) {
        Map<String, Object> pod = deployment.map("spec.template.spec");
        String where = deployment.toString();
        if (!Boolean.FALSE.equals(pod.get("automountServiceAccountToken"))) {
            violations.add(where + ": pod automountServiceAccountToken is not false");
        }
        if (!Boolean.TRUE.equals(Yamls.at(pod, "securityContext.runAsNonRoot"))) {
            violations.add(where + ": pod securityContext.runAsNonRoot is not true");
        }
        if (!"RuntimeDefault".equals(Yamls.at(pod, "securityContext.seccompProfile.type"))) {
            violations.add(where + ": pod seccompProfile is not RuntimeDefault");
        }
        if (deployment.map("spec.template.metadata.annotations").keySet().stream()
                .noneMatch(key -> key.startsWith("checksum/"))) {
            violations.add(where + ": no checksum annotation, a configuration change would not roll the pods");
        }
        List<Object> containers = new ArrayList<>(Yamls.list(pod.get("containers")));
        containers.addAll(Yamls.list(pod.get("initContainers")));
        for (Object element : containers) {
            checkContainer(where + " container " + Yamls.at(element, "name"), Yamls.map(element), violations);
        }
    }

    private static void checkContainer(String where, Map<String, Object> container, List<String> violations) {
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            if (Yamls.at(container, probe + ".httpGet.path") == null) {
                violations.add(where + ": no HTTP " + probe);
            }
        }
        if (!"/actuator/health/liveness".equals(Yamls.at(container, "livenessProbe.httpGet.path"))) {
            violations.add(where + ": livenessProbe is not /actuator/health/liveness");
        }
        if (!"/actuator/health/readiness".equals(Yamls.at(container, "readinessProbe.httpGet.path"))) {
            violations.add(where + ": readinessProbe is not /actuator/health/readiness");
        }
        Map<String, Object> security = Yamls.map(container.get("securityContext"));
        if (!Boolean.TRUE.equals(security.get("runAsNonRoot"))) {
            violations.add(where + ": runAsNonRoot is not true");
        }
        if (!(security.get("runAsUser") instanceof Integer uid) || uid == 0) {
            violations.add(where + ": runAsUser is not a non-zero uid");
        }
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
            violations.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
            violations.add(where + ": allowPrivilegeEscalation is not false");
        }
        if (!Yamls.list(Yamls.at(security, "capabilities.drop")).contains("ALL")) {
            violations.add(where + ": capabilities do not drop ALL");
        }
        if (!"RuntimeDefault".equals(Yamls.at(security, "seccompProfile.type"))) {
            violations.add(where + ": seccompProfile is not RuntimeDefault");
        }
        boolean tmpMounted = Yamls.list(container.get("volumeMounts")).stream()
                .anyMatch(mount -> "/tmp".equals(Yamls.at(mount, "mountPath")));
        if (!tmpMounted) {
            violations.add(where + ": /tmp is not a writable volume (the root filesystem is read-only)");
        }
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (Yamls.at(container, "resources." + kind + "." + resource) == null) {
                    violations.add(where + ": no resources." + kind + "." + resource);
                }
            }
        }
        checkImage(where, String.valueOf(container.get("image")), violations);
        java.util.Set<String> envNames = new java.util.HashSet<>();
        for (Object env : Yamls.list(container.get("env"))) {
            String name = String.valueOf(Yamls.at(env, "name"));
            if (!envNames.add(name)) {
                violations.add(where + ": " + name + " is set twice (which one wins depends on the tool applying it)");
            }
            if (SECRET_ENV.matcher(name).find() && Yamls.at(env, "valueFrom.secretKeyRef.key") == null) {
                violations.add(where + ": " + name + " is not taken from a Secret");
            }
        }
    }

    static void checkImage(String where, String image, List<String> violations) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            violations.add(where + ": image " + image + " has no pinned tag");
        }
    }

    private static void checkConfigMapHoldsNoSecrets(Manifest configMap, List<String> violations) {
        for (Map.Entry<String, Object> entry : configMap.map("data").entrySet()) {
            if (SECRET_LOOKING.matcher(entry.getKey()).find()) {
                violations.add(configMap + ": secret-looking key " + entry.getKey());
            }
            // Files served by the config server are YAML themselves: look inside them too.
            if (entry.getKey().endsWith(".yml") || entry.getKey().endsWith(".yaml")) {
                Object content = new Yaml().load(String.valueOf(entry.getValue()));
                secretLookingKeys(content, "", configMap + " " + entry.getKey(), violations);
            }
        }
    }

    private static void secretLookingKeys(Object node, String path, String where, List<String> violations) {
        for (Map.Entry<String, Object> entry : Yamls.map(node).entrySet()) {
            String key = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            if (SECRET_LOOKING.matcher(entry.getKey().toLowerCase(Locale.ROOT)).find()) {
                violations.add(where + ": secret-looking key " + key);
            }
            secretLookingKeys(entry.getValue(), key, where, violations);
        }
    }

    private static void checkHasDisruptionBudget(
            Manifest deployment, List<Manifest> manifests, List<String> violations) {
        Map<String, Object> podLabels = deployment.map("spec.template.metadata.labels");
        boolean covered = manifests.stream()
                .filter(m -> m.is("PodDisruptionBudget"))
                .anyMatch(pdb -> selects(pdb.map("spec.selector.matchLabels"), podLabels));
        if (!covered) {
            violations.add(deployment + ": no PodDisruptionBudget selects its pods");
        }
    }

    private static void checkHasNetworkPolicy(Manifest deployment, List<Manifest> manifests, List<String> violations) {
        Map<String, Object> podLabels = deployment.map("spec.template.metadata.labels");
        // Its own policy, beside the release-wide default deny (which selects every pod as well).
        boolean covered = manifests.stream()
                .filter(m -> m.is("NetworkPolicy"))
                .filter(policy -> !policy.name().endsWith("-default-deny"))
                .anyMatch(policy -> selects(policy.map("spec.podSelector.matchLabels"), podLabels)
                        && !policy.list("spec.ingress").isEmpty()
                        && !policy.list("spec.egress").isEmpty());
        if (!covered) {
            violations.add(deployment + ": no NetworkPolicy with ingress and egress rules selects its pods");
        }
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty()
                && selector.entrySet().stream()
                        .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }
}
