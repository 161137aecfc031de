package io.oriole.conversation;

/**
 * A specialist invited for internal notes only tried to write to the customer. A conflict like any other refused
 * command on a conversation, and its own type so that a face can say why.
 */
public class NotesOnlyCollaboratorException extends IllegalStateException {

    public NotesOnlyCollaboratorException(String agentName) {
        super(agentName + " was invited for internal notes only");
    }
}
