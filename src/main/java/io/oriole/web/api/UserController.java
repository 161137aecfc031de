package io.oriole.web.api;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.conversation.ConversationManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RequiresPermission(Permission.MANAGE_USERS)
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Staff users of the tenant (ADMIN only); passwords are never returned")
class UserController {

    private final UserManagement users;

    UserController(UserManagement users) {
        this.users = users;
    }

    record CreateUser(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 120) String displayName,
            @NotNull @Size(min = UserManagement.MIN_PASSWORD_LENGTH, max = 200) String password,
            @NotNull Role role, @Size(max = 16) String locale) {
    }

    record UpdateUser(@NotBlank @Size(max = 120) String displayName, @NotNull Role role,
            @Size(max = 16) String locale, @NotNull Boolean enabled) {
    }

    record UserResponse(long id, String email, String displayName, Role role, String locale, boolean enabled,
            Instant createdAt) {

        static UserResponse of(User u) {
            return new UserResponse(u.id(), u.email(), u.displayName(), u.role(), u.locale(), u.enabled(),
                    u.createdAt());
        }
    }

    @GetMapping
    ResultPage<UserResponse> list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "0") @PositiveOrZero int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ConversationManagement.MAX_PAGE) int size) {
        return ResultPage.of(users.list(me.tenantId(), page * size, size), UserResponse::of, page, size,
                users.count(me.tenantId()));
    }

    @GetMapping("/{id}")
    UserResponse get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return users.find(me.tenantId(), id).map(UserResponse::of)
                .orElseThrow(() -> new UnknownIdException("user", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserResponse> create(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody CreateUser request) {
        User created = users.create(me.tenantId(), request.email(), request.displayName().strip(),
                request.password(), request.role(), request.locale());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(UserResponse.of(created));
    }

    @PutMapping("/{id}")
    UserResponse update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody UpdateUser request) {
        if (id == me.userId() && !request.enabled()) {
            throw new InvalidFieldException("enabled", "you cannot disable your own account");
        }
        if (id == me.userId() && request.role() != me.role()) {
            throw new InvalidFieldException("role", "you cannot change your own role");
        }
        return users.update(me.tenantId(), id, request.displayName().strip(), request.role(), request.locale(),
                request.enabled()).map(UserResponse::of).orElseThrow(() -> new UnknownIdException("user", id));
    }
}
