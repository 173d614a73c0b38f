package io.gatehouse.sso.testkit;

class InMemoryGroupStoreTest extends GroupStoreContract {
    @Override
    protected IdentityStores newStores() { return IdentityStores.inMemory(); }
}
