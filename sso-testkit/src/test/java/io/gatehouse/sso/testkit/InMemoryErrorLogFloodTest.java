package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.ErrorLog;

class InMemoryErrorLogFloodTest extends ErrorLogFloodContract {
    @Override
    protected ErrorLog newLog() { return new InMemoryErrorLog(); }
}
