package io.oriole.conversation;

/** No conversation with that id in the caller's tenant (which is also what another tenant's id looks like). */
public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException(long id) {
        super("conversation " + id + " not found");
    }
}
