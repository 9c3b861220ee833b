package io.docmatrix.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package rules of style.md, shared by every service's {@code ArchitectureTest}: package by feature, adapters
 * ({@code web}, {@code messaging}, {@code persistence}) depend on their feature's root and never the reverse, no
 * feature reaches into another feature's adapters, feature roots import no Kafka, web or JDBC types, and features
 * form no cycles. {@code config} and the application class are the wiring and may see everything.
 */
public final class ServiceArchitecture {

    static final Set<String> ADAPTERS = Set.of("web", "messaging", "persistence");

    private ServiceArchitecture() {}

    public static ArchRule rulesFor(String basePackage) {
        return CompositeArchRule.of(featureRootsStayFreeOfAdapterTechnology(basePackage))
                .and(featureRootsDoNotDependOnAdapters(basePackage))
                .and(noFeatureReachesIntoAnotherFeaturesAdapters(basePackage))
                .and(featuresAreFreeOfCycles(basePackage))
                .allowEmptyShould(true);
    }

    static ArchRule featureRootsStayFreeOfAdapterTechnology(String basePackage) {
        return noClasses()
                .that(areInAFeatureRoot(basePackage))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.kafka..",
                        "org.springframework.kafka..",
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.jdbc..",
                        "jakarta.servlet..",
                        "java.sql..")
                .as("feature roots of " + basePackage + " import no Kafka, web or persistence types")
                .allowEmptyShould(true);
    }

    static ArchRule featureRootsDoNotDependOnAdapters(String basePackage) {
        return noClasses()
                .that(areInAFeatureRoot(basePackage))
                .should()
                .dependOnClassesThat(areInAnAdapter(basePackage))
                .as("feature roots of " + basePackage + " never depend on adapters")
                .allowEmptyShould(true);
    }

    static ArchRule noFeatureReachesIntoAnotherFeaturesAdapters(String basePackage) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .resideInAPackage(basePackage + "..")
                .should(notReachIntoOtherFeaturesAdapters(basePackage))
                .as("no feature of " + basePackage + " reaches into another feature's adapters")
                .allowEmptyShould(true);
    }

    static ArchRule featuresAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .as("features of " + basePackage + " are free of cycles")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> areInAFeatureRoot(String basePackage) {
        return DescribedPredicate.describe("are in a feature root", c -> location(basePackage, c.getPackageName())
                .filter(l -> l.adapter() == null && !l.feature().equals("config"))
                .isPresent());
    }

    private static DescribedPredicate<JavaClass> areInAnAdapter(String basePackage) {
        return DescribedPredicate.describe("are in an adapter", c -> location(basePackage, c.getPackageName())
                .filter(l -> l.adapter() != null)
                .isPresent());
    }

    private static ArchCondition<JavaClass> notReachIntoOtherFeaturesAdapters(String basePackage) {
        return new ArchCondition<>("not reach into another feature's adapters") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<Location> from = location(basePackage, origin.getPackageName());
                if (from.isEmpty() || from.get().feature().equals("config")) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<Location> to =
                            location(basePackage, dependency.getTargetClass().getPackageName());
                    if (to.isPresent()
                            && to.get().adapter() != null
                            && !to.get().feature().equals(from.get().feature())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Where a package sits: its feature (first segment below the base) and adapter, if any. */
    record Location(String feature, String adapter) {}

    static Optional<Location> location(String basePackage, String packageName) {
        Matcher matcher = Pattern.compile(Pattern.quote(basePackage) + "\\.([a-z0-9_]+)(?:\\.([a-z0-9_]+))?.*")
                .matcher(packageName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String second = matcher.group(2);
        return Optional.of(new Location(matcher.group(1), second != null && ADAPTERS.contains(second) ? second : null));
    }
}
