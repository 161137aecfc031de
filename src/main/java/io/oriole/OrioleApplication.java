package io.oriole;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;

import io.oriole.triage.eval.EvalCommand;

/**
 * Oriole: a multi-tenant customer-service platform. One jar, one module per domain package.
 */
@SpringBootApplication
@EnableAsync
public class OrioleApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("eval")) {
            // Evaluation is a batch job: no web server, no database.
            System.exit(EvalCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(OrioleApplication.class, args);
    }

    /** The only source of "now" in domain code; tests replace it with a movable clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
