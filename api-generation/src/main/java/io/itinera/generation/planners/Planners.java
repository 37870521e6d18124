package io.itinera.generation.planners;

import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.ItineraryPlanner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the planner: the search (default) or the greedy baseline ({@code generation.planner=greedy}). */
@Configuration(proxyBeanMethods = false)
public class Planners {

    @Bean
    ItineraryPlanner itineraryPlanner(GenerationProperties properties) {
        return of(properties);
    }

    public static ItineraryPlanner of(GenerationProperties properties) {
        return GreedyPlanner.NAME.equals(properties.planner()) ? greedy(properties) : new SearchPlanner(properties);
    }

    /** The greedy baseline, also the fallback when a search plan fails its check. */
    public static ItineraryPlanner greedy(GenerationProperties properties) {
        return new GreedyPlanner(properties);
    }

    public static ItineraryPlanner search(GenerationProperties properties) {
        return new SearchPlanner(properties);
    }
}
