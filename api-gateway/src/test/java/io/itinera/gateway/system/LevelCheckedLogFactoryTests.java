package io.itinera.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LevelCheckedLogFactoryTests {

    @Test
    void commonsLoggingUsesTheLevelCheckingFactory() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckedLogFactory.class);
        assertThat(LogFactory.getLog(LevelCheckedLogFactoryTests.class))
                .isInstanceOf(LevelCheckedLogFactory.LevelCheckedLog.class);
    }

    @Test
    void aMessageBelowTheLevelIsNeverTurnedIntoText() {
        // given a logger at INFO and a message that counts how often it is rendered
        String name = "level-checked-log-factory-tests.below";
        ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        ListAppender<ILoggingEvent> appended = appenderOn(name);
        AtomicInteger rendered = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "rendered";
            }
        };
        Log log = LogFactory.getLog(name);

        // when it is logged below and at the level
        log.trace(message);
        log.debug(message);
        log.debug(message, new IllegalStateException("not logged"));
        log.info(message);

        // then only the INFO line was rendered and appended, with the caller's location
        assertThat(rendered).hasValue(1);
        assertThat(appended.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo("rendered");
            assertThat(event.getCallerData()[0].getClassName()).isEqualTo(LevelCheckedLogFactoryTests.class.getName());
        });
    }

    @Test
    void aFailureIsLoggedWithItsThrowable() {
        String name = "level-checked-log-factory-tests.failure";
        ListAppender<ILoggingEvent> appended = appenderOn(name);

        LogFactory.getLog(name).error("broken", new IllegalStateException("why"));

        assertThat(appended.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("why");
        });
    }

    private static ListAppender<ILoggingEvent> appenderOn(String name) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                event.getCallerData(); // taken while the logging call is on the stack
                super.append(event);
            }
        };
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
