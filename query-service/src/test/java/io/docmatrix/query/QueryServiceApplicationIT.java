package io.docmatrix.query;

import io.docmatrix.contracts.Topics;
import io.docmatrix.runtime.testing.ServiceRuntimeContract;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class QueryServiceApplicationIT extends ServiceRuntimeContract {

    @Override
    protected List<String> ownedTopics() {
        // query-service writes no stream; it owns the dead-letter topics of the streams it projects.
        return List.of(
                Topics.deadLetterTopic(Topics.DOCUMENTS_LIFECYCLE, "query-service"),
                Topics.deadLetterTopic(Topics.DOCUMENTS_CHUNKS, "query-service"),
                Topics.deadLetterTopic(Topics.ANALYSIS_RESULTS, "query-service"));
    }
}
