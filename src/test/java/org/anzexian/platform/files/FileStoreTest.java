package org.anzexian.platform.files;

import org.anzexian.support.AnzexianTest;

@AnzexianTest
class FileStoreTest extends FileStoreContract {
}
