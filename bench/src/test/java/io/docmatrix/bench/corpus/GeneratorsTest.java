package io.docmatrix.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

    @Test
    void sameSeedGivesTheSameContractsAndAnotherSeedOthers() {
        ContractGenerator one = new ContractGenerator(7, 4000);
        ContractGenerator again = new ContractGenerator(7, 4000);
        ContractGenerator other = new ContractGenerator(8, 4000);

        assertThat(one.contracts(3))
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(again.contracts(3));
        assertThat(one.contract(0).text()).isNotEqualTo(other.contract(0).text());
    }

    @Test
    void aContractDoesNotDependOnHowManyAreGenerated() {
        ContractGenerator generator = new ContractGenerator(7, 4000);

        assertThat(generator.contracts(5).get(4).text())
                .isEqualTo(generator.contract(4).text());
    }

    @Test
    void aStandardContractHasAboutTheTargetWordsOverAboutTenPages() {
        CorpusDocument contract = new ContractGenerator(11, 4000).contract(2);

        assertThat(contract.words()).isBetween(4000, 4300);
        assertThat(contract.text().chars().filter(c -> c == '\f').count()).isBetween(9L, 11L);
        assertThat(contract.text()).contains("ARTICLE 1.");
        assertThat(contract.bytes()).hasSize(contract.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void questionsAreReproducibleAndNeverRepeat() {
        QuestionGenerator questions = new QuestionGenerator(3);
        Set<String> seen = new HashSet<>();

        for (long i = 0; i < 20_000; i++) {
            seen.add(questions.question(i));
        }

        assertThat(seen).hasSize(20_000);
        assertThat(new QuestionGenerator(3).question(1234)).isEqualTo(questions.question(1234));
    }

    @Test
    void vectorsAreUnitLengthAndReproducible() {
        VectorGenerator vectors = new VectorGenerator(5, 384);

        float[] v = vectors.vector(42);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }

        assertThat(v).hasSize(384);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(new VectorGenerator(5, 384).vector(42)).isEqualTo(v);
        assertThat(vectors.vector(43)).isNotEqualTo(v);
    }
}
