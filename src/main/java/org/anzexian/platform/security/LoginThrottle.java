package org.anzexian.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing anyone a way to lock a rightful user out (#11 finding 3).
 * Failed logins are counted per source address and per source address and account, never per
 * account alone: a guesser waits (429 with Retry-After) after a few failures, while the account's
 * owner logs in at once from anywhere else, and from the guesser's own address (a shared office
 * NAT) within {@code refill-every}. A success clears its address-and-account count. Every login
 * door asks here: HTTP Basic on {@code /engine-rest} and {@code /api}, the webapps' login form.
 * Buckets live in memory per node (bounded, forgotten after an idle hour); time is the business
 * clock, so tests move it instead of sleeping.
 */
@Component
class LoginThrottle {

    private final SecurityProperties.Login limits;
    private final LoginFailures failures;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    LoginThrottle(SecurityProperties properties, LoginFailures failures, Clock clock) {
        this.limits = properties.login();
        this.failures = failures;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** How long this source must wait before it may try this account again; empty when it may now. */
    Optional<Duration> waitBefore(String source, String userId) {
        long nanos = Math.max(waitNanos(sourceBucket(source)), waitNanos(accountBucket(source, userId)));
        return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /** Counts the failure against the source and records it for administrators. */
    void failed(String source, String userId, String door) {
        sourceBucket(source).consumeIgnoringRateLimits(1);
        accountBucket(source, userId).consumeIgnoringRateLimits(1);
        failures.record(userId, source, door);
    }

    void succeeded(String source, String userId) {
        buckets.invalidate(accountKey(source, userId));
    }

    private static long waitNanos(Bucket bucket) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private Bucket sourceBucket(String source) {
        return buckets.get("source:" + source, key -> bucket(limits.perSource()));
    }

    private Bucket accountBucket(String source, String userId) {
        return buckets.get(accountKey(source, userId), key -> bucket(limits.perSourceAndAccount()));
    }

    private static String accountKey(String source, String userId) {
        return "account:" + source + "|" + (userId == null ? "" : userId.toLowerCase(Locale.ROOT));
    }

    private Bucket bucket(SecurityProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.failures()).refillGreedy(1, limit.refillEvery()))
                .withCustomTimePrecision(time)
                .build();
    }
}
