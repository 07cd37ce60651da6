package org.anzexian.platform.security;

import java.time.OffsetDateTime;

/** One failed login: the account tried, the source address, the door, when. */
public record LoginFailure(long id, String userId, String source, String door, OffsetDateTime failedAt) {

    /** The doors a password is checked at. */
    public static final String BASIC = "basic";
    public static final String WEBAPP = "webapp";
}
