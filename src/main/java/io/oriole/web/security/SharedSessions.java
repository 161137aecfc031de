package io.oriole.web.security;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;

/**
 * With {@code oriole.redis.url} set, staff sessions live in Redis instead of a node's memory: a staff browser may be
 * served by any node, needs no sticky sessions, and stays signed in when the node it talked to goes away. Without
 * Redis this configuration does not exist and sessions stay in the servlet container.
 * <p>
 * The plain repository is used rather than the indexed one: the indexed one wrote seven Redis commands per staff
 * request to keep an index by user, which made every request wait on Redis under load. Finding a person's sessions
 * (to end them when the account is disabled or the tenant suspended) needs only the ids recorded at sign-in, kept
 * here in a set per person.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "oriole.redis.url")
@EnableRedisHttpSession(redisNamespace = "oriole:sessions", maxInactiveIntervalInSeconds = SharedSessions.IDLE_SECONDS)
class SharedSessions {

    /** A staff session unused for this long ends. */
    static final int IDLE_SECONDS = 8 * 60 * 60;

    @Bean
    LettuceConnectionFactory sessionRedis(Environment environment) {
        URI url = URI.create(environment.getRequiredProperty("oriole.redis.url"));
        RedisStandaloneConfiguration redis = new RedisStandaloneConfiguration(url.getHost(),
                url.getPort() < 0 ? 6379 : url.getPort());
        if (url.getUserInfo() != null) {
            String[] user = url.getUserInfo().split(":", 2);
            if (user.length == 2) {
                if (!user[0].isEmpty()) {
                    redis.setUsername(user[0]);
                }
                redis.setPassword(user[1]);
            }
            else {
                redis.setPassword(user[0]);
            }
        }
        if (url.getPath() != null && url.getPath().length() > 1) {
            redis.setDatabase(Integer.parseInt(url.getPath().substring(1)));
        }
        return new LettuceConnectionFactory(redis);
    }

    @Bean
    StaffSessionIndex staffSessionIndex(LettuceConnectionFactory redis, SessionRepository<?> sessions) {
        StringRedisTemplate template = new StringRedisTemplate(redis);
        return new StaffSessionIndex() {
            @Override
            public void signedIn(String key, String sessionId) {
                String set = "oriole:user-sessions:" + key;
                template.opsForSet().add(set, sessionId);
                template.expire(set, Duration.ofSeconds(IDLE_SECONDS));
            }

            @Override
            public void end(String key) {
                String set = "oriole:user-sessions:" + key;
                Set<String> ids = template.opsForSet().members(set);
                if (ids != null) {
                    ids.forEach(sessions::deleteById);
                }
                template.delete(set);
            }
        };
    }
}
