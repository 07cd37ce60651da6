package org.anzexian.platform;

import org.anzexian.support.PostgresTest;

@PostgresTest
class TaskDueDateDoorsPostgresTest extends TaskDueDateDoorsContract {
}
