package org.anzexian.platform;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class TaskDueDateDoorsTest extends TaskDueDateDoorsContract {
}
