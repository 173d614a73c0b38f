package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.SocialAppRepository;

class InMemorySocialAppRepositoryTest extends SocialAppRepositoryContract {
    @Override
    protected SocialAppRepository newRepository() { return new InMemorySocialApps(); }
}
