package io.oriole.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.identity.ApiToken;
import io.oriole.identity.ApiTokenManagement.IssuedToken;
import io.oriole.identity.ApiTokenManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own API tokens. Another user's token, even in the same tenant, answers 404. */
@RequiresPermission(Permission.OWN_TOKENS)
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "The caller's API tokens; the token itself is shown once, at creation")
class TokenController {

    private final ApiTokenManagement tokens;

    TokenController(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    record CreateToken(@NotBlank @Size(max = 120) String name) {
    }

    record TokenResponse(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {

        static TokenResponse of(ApiToken t) {
            return new TokenResponse(t.id(), t.name(), t.tokenPrefix(), t.createdAt(), t.lastUsedAt(),
                    t.revokedAt());
        }
    }

    /** The only response that ever carries {@code token}; store it now, it cannot be shown again. */
    record IssuedTokenResponse(long id, String name, String prefix, String token, Instant createdAt) {
    }

    @PostMapping
    @Operation(summary = "Issue a token for the caller; the response holds the token once")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedTokenResponse> create(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody CreateToken request) {
        IssuedToken issued = tokens.issue(me.tenantId(), me.userId(), request.name().strip());
        ApiToken token = issued.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + token.id())).body(new IssuedTokenResponse(
                token.id(), token.name(), token.tokenPrefix(), issued.plaintext(), token.createdAt()));
    }

    @GetMapping
    List<TokenResponse> list(@AuthenticationPrincipal StaffPrincipal me) {
        return tokens.list(me.tenantId(), me.userId()).stream().map(TokenResponse::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of the caller's tokens; revoking twice is harmless")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        tokens.find(me.tenantId(), id).filter(t -> t.userId() == me.userId())
                .orElseThrow(() -> new UnknownIdException("token", id));
        tokens.revoke(me.tenantId(), id);
        return ResponseEntity.noContent().build();
    }
}
