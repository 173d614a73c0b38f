package io.gatehouse.sso.spring.security;

import io.gatehouse.sso.servlet.SessionBinder;
import io.gatehouse.sso.spi.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;

import java.util.Objects;
import java.util.Optional;

/**
 * Signs Gatehouse's users in as Spring Security authentications, the way Spring Security's own login filters
 * do: a {@link GatehouseAuthentication} with the {@link GatehouseAuthorities}, the chain's
 * {@code SessionAuthenticationStrategy} first (a new session id against fixation, a new CSRF token), then the
 * context saved through the chain's {@code SecurityContextRepository} ({@link SignInContext}), and an
 * {@link InteractiveAuthenticationSuccessEvent} for the application's listeners.
 *
 * <pre>{@code
 * SsoServlet servlet = SsoServlet.builder(engine)
 *         .sessionBinder(new SpringSecuritySessionBinder(new GroupAuthorities(groups, "ROLE_"), events))
 *         .build();
 * }</pre>
 */
public final class SpringSecuritySessionBinder implements SessionBinder {
    private final GatehouseAuthorities authorities;
    private final ApplicationEventPublisher events;

    /**
     * A binder that signs users in with these authorities and publishes Spring's success event.
     *
     * @param authorities the authorities at sign-in
     * @param events where the event is published
     */
    public SpringSecuritySessionBinder(GatehouseAuthorities authorities, ApplicationEventPublisher events) {
        this.authorities = Objects.requireNonNull(authorities, "authorities");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void signIn(HttpServletRequest request, HttpServletResponse response, User user) {
        SignInContext chain = SignInContext.of(request);
        Authentication authentication = new GatehouseAuthentication(GatehouseUser.of(user), authorities.authoritiesOf(user));
        chain.sessions().onAuthentication(authentication, request, response);
        SecurityContext context = chain.holder().createEmptyContext();
        context.setAuthentication(authentication);
        chain.holder().setContext(context);
        chain.repository().saveContext(context, request, response);
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(authentication, SessionBinder.class));
    }

    @Override
    public Optional<String> currentUserId(HttpServletRequest request) {
        if (!(request.getAttribute(SignInContext.ATTRIBUTE) instanceof SignInContext chain)) {
            return Optional.empty();
        }
        Authentication authentication = chain.holder().getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof GatehouseUser user
                ? Optional.of(user.id()) : Optional.empty();
    }
}
