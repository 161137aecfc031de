package io.oriole.conversation;

/**
 * Which conversations an inbox shows. {@code mine} and {@code shared} need the viewer's agent id; {@code shared} is
 * what the viewer was invited into as a collaborator and has not left. {@code status} null means the active ones
 * (open, pending, waiting on customer).
 */
public record InboxFilter(View view, Long viewerAgentId, ConversationStatus status, Long customerId) {

    public enum View {
        MINE, SHARED, UNASSIGNED, ALL
    }

    public static InboxFilter all() {
        return new InboxFilter(View.ALL, null, null, null);
    }
}
