package io.oriole.identity;

/** What a staff user may do. Supervisors see the whole tenant; admins also manage users and settings. */
public enum Role {
    ADMIN, SUPERVISOR, AGENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
