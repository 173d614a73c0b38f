package io.gatehouse.sso.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.function.Supplier;

/**
 * Lets anyone reach Gatehouse's routes whatever the chain's {@code authorizeHttpRequests} rules say, as Spring
 * Security's own {@code formLogin().permitAll()} does for its login page: the routes decide themselves
 * (starting a login needs no sign-in; connecting and disconnecting check for one). Applied by post-processing
 * the chain's request authorization manager, so the application's rules can be declared in any order.
 */
final class AccountsRoutesPermit implements ObjectPostProcessor<AuthorizationManager<HttpServletRequest>> {
    private static final AuthorizationResult GRANTED = new AuthorizationDecision(true);

    private final RequestMatcher routes;

    AccountsRoutesPermit(RequestMatcher routes) {
        this.routes = routes;
    }

    @Override
    public <O extends AuthorizationManager<HttpServletRequest>> O postProcess(O manager) {
        AuthorizationManager<HttpServletRequest> permitting = new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, HttpServletRequest request) {
                return routes.matches(request) ? GRANTED : manager.authorize(authentication, request);
            }
        };
        @SuppressWarnings("unchecked")
        O wrapped = (O) permitting;
        return wrapped;
    }
}
