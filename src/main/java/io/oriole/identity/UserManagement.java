package io.oriole.identity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.identity.internal.UserRepository;
import io.oriole.tenant.TenantId;

/** Creates, finds and changes staff users, always within one tenant. */
@Service
public class UserManagement {

    public static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UserManagement(UserRepository users, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates a user.
     *
     * @throws EmailAlreadyUsedException when the tenant already has a user with that e-mail
     */
    @Transactional
    public User create(TenantId tenant, String email, String displayName, String rawPassword, Role role,
            String locale) {
        String normalised = normaliseEmail(email);
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (users.findByTenantIdAndEmail(tenant.value(), normalised).isPresent()) {
            throw new EmailAlreadyUsedException(normalised);
        }
        try {
            return users.save(new User(null, tenant.value(), normalised, displayName, passwords.encode(rawPassword),
                    role, locale, true, 0, null, clock.instant()));
        }
        catch (DuplicateKeyException race) {
            throw new EmailAlreadyUsedException(normalised);
        }
    }

    public Optional<User> find(TenantId tenant, long id) {
        return users.findByTenantIdAndId(tenant.value(), id);
    }

    public Optional<User> findByEmail(TenantId tenant, String email) {
        return users.findByTenantIdAndEmail(tenant.value(), normaliseEmail(email));
    }

    public List<User> list(TenantId tenant, int offset, int limit) {
        return users.findPage(tenant.value(), limit, offset);
    }

    public long count(TenantId tenant) {
        return users.countByTenantId(tenant.value());
    }

    /**
     * Changes a user's name, role, locale and whether they may sign in. Disabling publishes {@link UserDisabled}.
     *
     * @throws LastAdminException when the change would leave the tenant without an enabled administrator
     */
    @Transactional
    public Optional<User> update(TenantId tenant, long id, String displayName, Role role, String locale,
            boolean enabled) {
        Optional<User> before = find(tenant, id);
        if (before.isEmpty()) {
            return before;
        }
        User was = before.get();
        boolean wasEnabledAdmin = was.enabled() && was.role() == Role.ADMIN;
        if (wasEnabledAdmin && (!enabled || role != Role.ADMIN) && users.findPage(tenant.value(), Integer.MAX_VALUE, 0)
                .stream().noneMatch(u -> u.id() != id && u.enabled() && u.role() == Role.ADMIN)) {
            throw new LastAdminException();
        }
        User saved = users.save(was.withProfile(displayName, role, locale, enabled));
        if (was.enabled() && !enabled) {
            events.publishEvent(new UserDisabled(tenant.value(), id, clock.instant()));
        }
        return Optional.of(saved);
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Thrown when an e-mail address is already taken inside the tenant. */
    public static class EmailAlreadyUsedException extends RuntimeException {
        public EmailAlreadyUsedException(String email) {
            super("a user with e-mail " + email + " already exists");
        }
    }
}
