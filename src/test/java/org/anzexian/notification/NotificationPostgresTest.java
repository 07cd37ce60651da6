package org.anzexian.notification;

import org.anzexian.support.PostgresTest;

@PostgresTest
class NotificationPostgresTest extends NotificationContract {
}
