package org.anzexian.notification;

import java.util.List;

/** A page of the outbox, newest first. */
public record NoticePage(List<NoticeDelivery> items, int page, int size, long total) {
}
