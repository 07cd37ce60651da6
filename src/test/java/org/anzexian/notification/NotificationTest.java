package org.anzexian.notification;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class NotificationTest extends NotificationContract {
}
