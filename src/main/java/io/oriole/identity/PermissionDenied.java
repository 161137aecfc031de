package io.oriole.identity;

import org.springframework.security.access.AccessDeniedException;

/** The caller's role lacks {@link #permission()}: 403 in the API (problem+json) and in the staff UI. */
public class PermissionDenied extends AccessDeniedException {

    private final transient Permission permission;

    /** {@code permission} null: the endpoint names none, so nobody may use it. */
    public PermissionDenied(Permission permission) {
        super(permission == null ? "This endpoint names no permission" : "Your role does not allow " + permission.name());
        this.permission = permission;
    }

    /** Null when the endpoint names no permission. */
    public Permission permission() {
        return permission;
    }
}
