package org.anzexian.platform.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Business time is the engine's time: timers fire by {@link ClockUtil}, so our deadlines read the
 * same clock. A test that moves ClockUtil therefore moves every business deadline with it.
 */
@Configuration
class BusinessClockConfiguration {

    @Bean
    Clock businessClock(@Value("${anzexian.time-zone:Asia/Shanghai}") ZoneId zone) {
        return new EngineClock(zone);
    }

    static final class EngineClock extends Clock {
        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId otherZone) {
            return new EngineClock(otherZone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
