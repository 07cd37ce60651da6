package org.anzexian.notification;

/** Filters of the outbox list; a null field does not filter. */
public record NoticeFilter(NoticeStatus status, String templateKey, String reference, String recipient) {
}
