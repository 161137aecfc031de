package io.oriole.web.security;

/**
 * Where the ids of a person's shared sessions are kept, so that they can be ended on every node. Present only when
 * sessions are shared ({@link SharedSessions}); a single node's sessions are found through its session registry.
 */
interface StaffSessionIndex {

    /** {@code key} is {@link io.oriole.identity.StaffPrincipal#sessionKey}. */
    void signedIn(String key, String sessionId);

    /** Ends every session the person signed in with. */
    void end(String key);
}
