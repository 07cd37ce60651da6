package org.anzexian.platform.files;

import org.anzexian.support.PostgresTest;

@PostgresTest
class FileStorePostgresTest extends FileStoreContract {
}
