package io.oriole.conversation;

/**
 * Which conversations an inbox shows. {@code mine} needs the viewer's agent id; {@code status} null means the
 * active ones (open, pending, waiting on customer).
 */
public record InboxFilter(View view, Long viewerAgentId, ConversationStatus status, Long customerId) {

    public enum View {
        MINE, UNASSIGNED, ALL
    }

    public static InboxFilter all() {
        return new InboxFilter(View.ALL, null, null, null);
    }
}
