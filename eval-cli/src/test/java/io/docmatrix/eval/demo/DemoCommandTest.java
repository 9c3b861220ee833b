package io.docmatrix.eval.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.docmatrix.eval.EvalCliAccess;
import io.docmatrix.eval.corpus.SourceDocument;
import io.docmatrix.eval.platform.FakeGateway;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    // Surefire runs in the module folder; the samples are committed beside the wrapper script.
    private static final Path SAMPLES = Path.of("../deploy/local/demo-docs");

    @TempDir
    Path work;

    @Test
    void theCommittedSamplesAreAContractAnNdaAndAManualPage() {
        List<SourceDocument> documents = DemoDocuments.fromFolder(SAMPLES);

        assertThat(documents)
                .extracting(SourceDocument::filename)
                .containsExactly("mutual-nda.txt", "product-manual-page.md", "services-agreement.txt");
        assertThat(documents)
                .extracting(SourceDocument::title)
                .containsExactly(
                        "MUTUAL NON-DISCLOSURE AGREEMENT",
                        "Aerolift X2 Pallet Scanner: Quick Start",
                        "MASTER SERVICES AGREEMENT");
        assertThat(documents.get(2).text()).contains("governed by the laws of England and Wales");
    }

    @Test
    void showsProgressTheCitedAnswerAndTheAnalysisOfEachDocument() throws IOException {
        Files.writeString(work.resolve("admin-password"), FakeGateway.PASSWORD);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (FakeGateway gateway = new FakeGateway()) {
            int exit = EvalCliAccess.commandLine()
                    .setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true))
                    .execute(
                            "demo",
                            "--docs",
                            SAMPLES.toString(),
                            "--gateway",
                            gateway.url().toString(),
                            "--admin-password-file",
                            work.resolve("admin-password").toString(),
                            "--analysis-wait",
                            "PT5S");

            assertThat(exit).as(err.toString()).isZero();
        }
        assertThat(out.toString())
                .contains("1. Upload")
                .contains("services-agreement.txt")
                .contains("READY (")
                .contains("3. Question: What law governs the agreement?")
                .contains("[1] ")
                .contains("4. Analysis")
                .contains("clauses found: none");
    }

    @Test
    void contractIdsBecomeReadableTitles() {
        assertThat(DemoDocuments.title("ACMECORP_01_02_2003-EX-10.1-SERVICES AGREEMENT"))
                .isEqualTo("SERVICES AGREEMENT (ACMECORP)");
    }
}
