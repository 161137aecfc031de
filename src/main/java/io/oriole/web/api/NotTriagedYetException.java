package io.oriole.web.api;

/**
 * The conversation exists but triage has not finished with its first customer message. A 404 like an unknown id,
 * with a detail saying to ask again shortly.
 */
class NotTriagedYetException extends RuntimeException {

    NotTriagedYetException(long conversationId) {
        super("conversation " + conversationId + " has not been triaged yet; try again in a moment");
    }
}
