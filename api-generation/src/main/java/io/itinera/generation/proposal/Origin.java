package io.itinera.generation.proposal;

/** A city a traveller may leave from, from the world-cities gazetteer. */
record Origin(String id, String name, String asciiName, String country, double lat, double lon, long population) {}
