package io.itinera.generation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Plans day-by-day itineraries for trips whose planning context is ready. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GenerationApplication {

    public static void main(String[] args) {
        SpringApplication.run(GenerationApplication.class, args);
    }
}
