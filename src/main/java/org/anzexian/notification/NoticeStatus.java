package org.anzexian.notification;

/** Outcome of one recipient's delivery. */
public enum NoticeStatus {
    /** Waiting in the outbox: not yet sent, or to be retried at its next attempt time. */
    PENDING,
    SENT,
    /** Given up after the configured number of attempts; the last error says why. */
    FAILED
}
