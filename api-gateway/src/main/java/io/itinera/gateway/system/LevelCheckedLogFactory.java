package io.itinera.gateway.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LocationAwareLogger;

/**
 * Commons Logging (what Spring and Spring Security log through) over SLF4J, checking the level before a message is
 * turned into text. Commons Logging's own SLF4J adapter calls {@code String.valueOf(message)} first and lets Logback drop
 * the text afterwards, so every {@code logger.debug(LogMessage.format(...))} of Spring Security's matchers and
 * authorization managers ran {@code String.format} on every request although nothing logs at DEBUG (performance.md,
 * "The accept path, session 8"). Chosen by Commons Logging through {@code META-INF/services}.
 */
public final class LevelCheckedLogFactory extends LogFactory {

    private static final LogFactory FALLBACK = new Slf4jLogFactory();

    private final Map<String, Log> logs = new ConcurrentHashMap<>();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(Class<?> clazz) {
        return getInstance(clazz.getName());
    }

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, LevelCheckedLogFactory::create);
    }

    private static Log create(String name) {
        org.slf4j.Logger logger = LoggerFactory.getLogger(name);
        // Logback's loggers are location aware; any other binding gets Commons Logging's own adapter.
        return logger instanceof LocationAwareLogger located
                ? new LevelCheckedLog(located)
                : FALLBACK.getInstance(name);
    }

    @Override
    public @Nullable Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String[] getAttributeNames() {
        return attributes.keySet().toArray(String[]::new);
    }

    @Override
    public void release() {
        logs.clear();
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    /** Logs with the caller's location (as Commons Logging's adapter does), after the level check. */
    record LevelCheckedLog(LocationAwareLogger logger) implements Log {

        private static final String FQCN = LevelCheckedLog.class.getName();

        private void log(int level, boolean enabled, @Nullable Object message, @Nullable Throwable failure) {
            if (enabled) {
                logger.log(null, FQCN, level, String.valueOf(message), null, failure);
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return logger.isTraceEnabled();
        }

        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return logger.isInfoEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return logger.isWarnEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return logger.isErrorEnabled();
        }

        @Override
        public boolean isFatalEnabled() {
            return logger.isErrorEnabled();
        }

        @Override
        public void trace(@Nullable Object message) {
            trace(message, null);
        }

        @Override
        public void trace(@Nullable Object message, @Nullable Throwable failure) {
            log(LocationAwareLogger.TRACE_INT, logger.isTraceEnabled(), message, failure);
        }

        @Override
        public void debug(@Nullable Object message) {
            debug(message, null);
        }

        @Override
        public void debug(@Nullable Object message, @Nullable Throwable failure) {
            log(LocationAwareLogger.DEBUG_INT, logger.isDebugEnabled(), message, failure);
        }

        @Override
        public void info(@Nullable Object message) {
            info(message, null);
        }

        @Override
        public void info(@Nullable Object message, @Nullable Throwable failure) {
            log(LocationAwareLogger.INFO_INT, logger.isInfoEnabled(), message, failure);
        }

        @Override
        public void warn(@Nullable Object message) {
            warn(message, null);
        }

        @Override
        public void warn(@Nullable Object message, @Nullable Throwable failure) {
            log(LocationAwareLogger.WARN_INT, logger.isWarnEnabled(), message, failure);
        }

        @Override
        public void error(@Nullable Object message) {
            error(message, null);
        }

        @Override
        public void error(@Nullable Object message, @Nullable Throwable failure) {
            log(LocationAwareLogger.ERROR_INT, logger.isErrorEnabled(), message, failure);
        }

        @Override
        public void fatal(@Nullable Object message) {
            error(message, null);
        }

        @Override
        public void fatal(@Nullable Object message, @Nullable Throwable failure) {
            error(message, failure);
        }
    }
}
