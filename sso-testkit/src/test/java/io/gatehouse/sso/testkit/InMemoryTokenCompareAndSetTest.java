package io.gatehouse.sso.testkit;

class InMemoryTokenCompareAndSetTest extends TokenCompareAndSetContract {
    @Override
    protected IdentityStores newStores() { return IdentityStores.inMemory(); }
}
