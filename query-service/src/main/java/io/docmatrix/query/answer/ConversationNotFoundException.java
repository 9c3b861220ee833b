package io.docmatrix.query.answer;

/** The conversation does not exist for this tenant and user (another's looks exactly the same: not found). */
public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException() {
        super("Conversation not found");
    }
}
