package io.oriole;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.oriole.simulation.SimulationCommandLine;
import io.oriole.knowledge.MatchingCommandLine;
import io.oriole.triage.TriageCommandLine;

/**
 * Oriole: a multi-tenant customer-service platform. One jar, one module per domain package.
 */
@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class OrioleApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            // Evaluation is a batch job: no web server, no database, and only its own report on stdout.
            LoggingSystem logging = LoggingSystem.get(OrioleApplication.class.getClassLoader());
            logging.beforeInitialize();
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.ERROR);
            if (args.length > 1 && args[1].equals("matching")) {
                System.exit(MatchingCommandLine.eval(Arrays.copyOfRange(args, 2, args.length), System.out,
                        System.err));
            }
            System.exit(TriageCommandLine.eval(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("simulate")) {
            // The routing simulator is a batch job too: plain Java over the routing model, no Spring context.
            LoggingSystem logging = LoggingSystem.get(OrioleApplication.class.getClassLoader());
            logging.beforeInitialize();
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.ERROR);
            System.exit(SimulationCommandLine.simulate(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(OrioleApplication.class, args);
    }

    /** The only source of "now" in domain code; tests replace it with a movable clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
