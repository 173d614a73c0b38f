package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.ErrorLog;

class InMemoryErrorLogTest extends ErrorLogContract {
    @Override
    protected ErrorLog newLog() { return new InMemoryErrorLog(); }
}
