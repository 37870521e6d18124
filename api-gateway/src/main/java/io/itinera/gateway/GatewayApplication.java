package io.itinera.gateway;

import io.itinera.events.kafka.DeadLetterReplay;
import io.itinera.gateway.backup.StateBackup;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The public entry of Itinera: authenticates, validates, accepts work and owns each trip's lifecycle. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /**
     * Starts the gateway, or with {@code state-backup ...} runs the backup tool, or with {@code dlt-replay ...} replays
     * the saga's dead letters instead (one main class per image).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(StateBackup.COMMAND)) {
            StateBackup.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals(DeadLetterReplay.COMMAND)) {
            DeadLetterReplay.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
