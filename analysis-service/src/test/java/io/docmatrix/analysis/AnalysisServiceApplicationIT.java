package io.docmatrix.analysis;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.testing.ServiceRuntimeContract;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class AnalysisServiceApplicationIT extends ServiceRuntimeContract {

    @Override
    protected List<String> ownedTopics() {
        return List.of(
                Topics.ANALYSIS_RESULTS,
                Topics.deadLetterTopic(Topics.DOCUMENTS_CHUNKS, "analysis-service"),
                Topics.deadLetterTopic(Topics.DOCUMENTS_LIFECYCLE, "analysis-service"));
    }
}
