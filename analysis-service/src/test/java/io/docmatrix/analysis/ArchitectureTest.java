package io.docmatrix.analysis;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.docmatrix.runtime.architecture.ServiceArchitecture;

@AnalyzeClasses(packages = "io.docmatrix.analysis", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFollowTheStyleGuide = ServiceArchitecture.rulesFor("io.docmatrix.analysis");
}
