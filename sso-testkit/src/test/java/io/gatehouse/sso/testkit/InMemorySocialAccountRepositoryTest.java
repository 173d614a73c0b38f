package io.gatehouse.sso.testkit;

class InMemorySocialAccountRepositoryTest extends SocialAccountRepositoryContract {
    @Override
    protected IdentityStores newStores() { return IdentityStores.inMemory(); }
}
