package io.docmatrix.deploy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart under test (deploy/helm/docmatrix), linted and rendered by Helm itself (embedded as a native library by
 * helm-java), so what is checked is exactly what {@code helm template} would produce.
 */
final class Chart {

    static final Path DIRECTORY = locate();
    static final Path PRODUCTION_VALUES = DIRECTORY.resolve("ci/production-values.yaml");
    static final String RELEASE = "dm";
    static final String NAMESPACE = "docmatrix";
    // Rendering without a cluster assumes Kubernetes 1.20 unless told; the chart needs 1.27+ (PDB eviction policy).
    static final String KUBE_VERSION = "1.31.0";

    private Chart() {}

    static LintResult lintStrict() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** Renders with the chart's defaults, then the given values files, then {@code key=value} overrides. */
    static List<Manifest> render(List<Path> valuesFiles, Map<String, Object> overrides) {
        return parse(renderYaml(valuesFiles, overrides));
    }

    static String renderYaml(List<Path> valuesFiles, Map<String, Object> overrides) {
        TemplateCommand command = new Helm(DIRECTORY)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(command::withValuesFile);
        overrides.forEach(command::set);
        return command.call();
    }

    static List<Manifest> renderDefaults() {
        return render(List.of(), Map.of());
    }

    static List<Manifest> renderProduction() {
        return parse(renderProductionYaml());
    }

    static String renderProductionYaml() {
        return renderYaml(List.of(PRODUCTION_VALUES), Map.of());
    }

    @SuppressWarnings("unchecked")
    static List<Manifest> parse(String rendered) {
        LoaderOptions options = new LoaderOptions();
        // Kubernetes rejects a manifest with a key twice (e.g. a label from two helpers); so does this parser.
        options.setAllowDuplicateKeys(false);
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(rendered)) {
            if (document instanceof Map<?, ?> map) {
                manifests.add(new Manifest((Map<String, Object>) map));
            }
        }
        return manifests;
    }

    // Tests run from the module directory (Maven) or the repository root (an IDE); the chart sits beside this module.
    private static Path locate() {
        for (Path candidate : List.of(Path.of("../helm/docmatrix"), Path.of("deploy/helm/docmatrix"))) {
            if (Files.isRegularFile(candidate.resolve("Chart.yaml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "deploy/helm/docmatrix not found from " + Path.of("").toAbsolutePath());
    }
}
