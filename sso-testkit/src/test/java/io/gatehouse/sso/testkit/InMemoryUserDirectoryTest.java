package io.gatehouse.sso.testkit;

class InMemoryUserDirectoryTest extends UserDirectoryContract {
    @Override
    protected IdentityStores newStores() { return IdentityStores.inMemory(); }
}
