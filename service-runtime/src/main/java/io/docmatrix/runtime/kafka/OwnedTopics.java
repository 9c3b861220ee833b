package io.docmatrix.runtime.kafka;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;

/** The topics one service writes as their single writer, and so creates; declare one bean of it per service. */
public record OwnedTopics(List<NewTopic> topics) {

    public OwnedTopics {
        topics = List.copyOf(topics);
    }
}
