package io.docmatrix.runtime.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Proves the shared rules catch what they claim to, on small fixture packages that obey and break them. */
class ServiceArchitectureTest {

    private static final String FIXTURES = "io.docmatrix.runtime.architecture.fixture";

    @Test
    void acceptsFeaturesWhoseAdaptersDependOnTheirOwnRoot() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".clean");

        EvaluationResult result =
                ServiceArchitecture.rulesFor(FIXTURES + ".clean").evaluate(classes);

        assertThat(result.hasViolation())
                .as(result.getFailureReport().toString())
                .isFalse();
    }

    @Test
    void reportsAFeatureThatReachesIntoAnotherFeaturesAdapter() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".tangled");

        EvaluationResult result =
                ServiceArchitecture.rulesFor(FIXTURES + ".tangled").evaluate(classes);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("tangled.billing.web.InvoiceController"));
    }

    @Test
    void reportsAFeatureRootThatUsesWebTypes() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".tangled");

        EvaluationResult result = ServiceArchitecture.featureRootsStayFreeOfAdapterTechnology(FIXTURES + ".tangled")
                .evaluate(classes);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("org.springframework.http.HttpStatus"));
    }

    @Test
    void reportsCyclesBetweenFeatures() {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + ".tangled");

        EvaluationResult result = ServiceArchitecture.featuresAreFreeOfCycles(FIXTURES + ".tangled")
                .evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
    }
}
