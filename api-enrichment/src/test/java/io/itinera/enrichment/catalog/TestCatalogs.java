package io.itinera.enrichment.catalog;

import org.springframework.core.io.DefaultResourceLoader;

/** Catalogs for tests: the small fixture in {@code src/test/resources} and the real one the service ships. */
public final class TestCatalogs {

    static final String FIXTURE = "classpath:fixtures/catalog/";
    static final String SHIPPED = "classpath:catalog/";

    private TestCatalogs() {}

    /** Six destinations (two called Paris, the smaller listed first) and a few points of interest in Lisbon. */
    public static Catalog fixture() {
        return load(FIXTURE);
    }

    /** The catalog the service ships. */
    public static Catalog shipped() {
        return load(SHIPPED);
    }

    static Catalog load(String location) {
        return new CatalogLoader(new DefaultResourceLoader(), location).load();
    }
}
