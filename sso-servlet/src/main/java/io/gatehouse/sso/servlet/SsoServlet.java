package io.gatehouse.sso.servlet;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginFailure;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.SignupDetails;
import io.gatehouse.sso.core.Usernames;
import io.gatehouse.sso.core.settings.EmailAddresses;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The single sign-on routes for a Jakarta Servlet 6 application, mapped to {@code /accounts/*} (under
 * any context path; a mapping such as {@code /sso/accounts/*} works too):
 *
 * <ul>
 *   <li>{@code GET|POST /accounts/<provider>/login/} starts a login ({@code next}, {@code app});
 *       {@code process=connect} (POST only) links another identity to the signed-in user</li>
 *   <li>{@code GET /accounts/<provider>/login/callback/} completes it</li>
 *   <li>{@code GET /accounts/providers} lists the login buttons as JSON</li>
 *   <li>{@code POST /accounts/<provider>/disconnect/} ({@code uid}) removes a linked identity</li>
 *   <li>{@code GET|POST /accounts/signup/} completes a pending sign-up when auto-fill is off</li>
 *   <li>{@code GET|POST /accounts/confirm-email/<token>/} confirms an email address</li>
 *   <li>{@code POST /accounts/logout/} signs out, at the IdP too ({@link LogoutRoutes}); {@code GET /accounts/logout/callback/}</li>
 *   <li>{@code POST /accounts/<provider>/backchannel-logout/} the IdP's back-channel logout ({@link BackChannelLogoutRoute})</li>
 * </ul>
 *
 * Every POST but the IdP's back-channel logout passes the {@link CsrfCheck}. Failures become an error page or JSON (by {@code Accept})
 * with the failure's code, message and error-log id, never a stack trace.
 *
 * <pre>{@code
 * // programmatic registration (e.g. in a ServletContainerInitializer or embedded Jetty)
 * SsoServlet sso = SsoServlet.builder(engine)
 *         .sessionBinder(new HttpSessionBinder())         // the default
 *         .csrfCheck(CsrfCheck.sameOrigin())              // the default
 *         .pageRenderer(new MinimalPageRenderer("/static/sso.css"))
 *         .build();
 * servletContext.addServlet("gatehouse-sso", sso).addMapping("/accounts/*");
 *
 * // web.xml: map io.gatehouse.sso.servlet.SsoServlet to /accounts/* and, in a ServletContextListener,
 * servletContext.setAttribute(SsoServlet.ENGINE_ATTRIBUTE, engine);
 * }</pre>
 */
public class SsoServlet extends HttpServlet {
    /** Servlet-context attribute holding the {@link LoginEngine} (required when the container instantiates the servlet). */
    public static final String ENGINE_ATTRIBUTE = "io.gatehouse.sso.core.LoginEngine";
    /** Optional servlet-context attribute holding a {@link SessionBinder}. */
    public static final String SESSION_BINDER_ATTRIBUTE = "io.gatehouse.sso.servlet.SessionBinder";
    /** Optional servlet-context attribute holding a {@link CsrfCheck}. */
    public static final String CSRF_CHECK_ATTRIBUTE = "io.gatehouse.sso.servlet.CsrfCheck";
    /** Optional servlet-context attribute holding a {@link PageRenderer}. */
    public static final String PAGE_RENDERER_ATTRIBUTE = "io.gatehouse.sso.servlet.PageRenderer";
    /**
     * Request attribute holding the {@link LoginOutcome} a route answered with, for filters around the servlet
     * (metrics, audit) that want the outcome without parsing the response.
     */
    public static final String OUTCOME_ATTRIBUTE = "io.gatehouse.sso.servlet.LoginOutcome";

    /** Session attribute: the user whose confirmation mail this browser session is waiting for. */
    static final String AWAITING_CONFIRMATION_ATTRIBUTE = "io.gatehouse.sso.awaitingConfirmation";

    private static final Logger LOG = LoggerFactory.getLogger(SsoServlet.class);

    private LoginEngine engine;
    private SessionBinder sessionBinder;
    private CsrfCheck csrfCheck;
    private PageRenderer pageRenderer;
    private Responder responder;
    private LogoutRoutes logoutRoutes;
    private BackChannelLogoutRoute backChannelLogout;

    /** For containers that instantiate the servlet (web.xml): the collaborators come from servlet-context attributes. */
    public SsoServlet() {
    }

    private SsoServlet(Builder b) {
        this.engine = b.engine;
        this.sessionBinder = b.sessionBinder;
        this.csrfCheck = b.csrfCheck;
        this.pageRenderer = b.pageRenderer;
    }

    public static Builder builder(LoginEngine engine) {
        return new Builder(engine);
    }

    @Override
    public void init() throws ServletException {
        ServletContext context = getServletContext();
        if (engine == null) {
            if (!(context.getAttribute(ENGINE_ATTRIBUTE) instanceof LoginEngine fromContext)) {
                throw new ServletException("SsoServlet needs a LoginEngine: set the servlet-context attribute '"
                        + ENGINE_ATTRIBUTE + "' (e.g. in a ServletContextListener) or build the servlet with SsoServlet.builder(engine)");
            }
            engine = fromContext;
        }
        sessionBinder = orAttribute(sessionBinder, context, SESSION_BINDER_ATTRIBUTE, SessionBinder.class, HttpSessionBinder::new);
        csrfCheck = orAttribute(csrfCheck, context, CSRF_CHECK_ATTRIBUTE, CsrfCheck.class, CsrfCheck::sameOrigin);
        pageRenderer = orAttribute(pageRenderer, context, PAGE_RENDERER_ATTRIBUTE, PageRenderer.class, MinimalPageRenderer::new);
        responder = new Responder(pageRenderer);
        logoutRoutes = new LogoutRoutes(engine, sessionBinder, responder);
        backChannelLogout = new BackChannelLogoutRoute(engine, responder);
        ServletRegistration registration = context.getServletRegistration(getServletName());
        if (registration != null) {
            for (String mapping : registration.getMappings()) {
                if (!mapping.endsWith(MountPoint.ACCOUNTS + "/*")) {
                    LOG.error("SsoServlet '{}' is mapped to '{}'; it must be mapped to a path ending in /accounts/* "
                            + "(callback URLs are <base>/accounts/<provider>/login/callback/)", getServletName(), mapping);
                }
            }
        }
    }

    private static <T> T orAttribute(T given, ServletContext context, String name, Class<T> type, Supplier<T> fallback) {
        if (given != null) {
            return given;
        }
        Object value = context.getAttribute(name);
        return type.isInstance(value) ? type.cast(value) : fallback.get();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        Optional<Route> route = Optional.empty();
        try {
            route = Route.parse(request.getPathInfo());
            handle(request, response, route);
        } catch (IOException e) {
            // the client went away mid-answer (or sent a broken body): nothing to answer, nothing wrong here
            LOG.info("SSO request {} could not be answered: {}", route.map(Route::toString).orElse("(no route)"), e.getClass().getName());
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            // the class only: messages of arbitrary exceptions may quote codes, tokens or secrets
            LOG.error("SSO request {} failed: {}", route.map(Route::toString).orElse("(no route)"), t.getClass().getName());
            String errorId = adminRecord("sso.internal_error", "An SSO request failed unexpectedly ("
                    + t.getClass().getName() + ")", route);
            internalError(request, response, errorId);
        }
    }

    /**
     * The adapter's own refusals go to the admin's error log too, through the engine's writer (scrubbed like
     * the engine's records); the path names the route, never the raw request path an attacker chose.
     */
    private String adminRecord(String kind, String info, Optional<Route> route) {
        try {
            String where = route.map(r -> (r.provider() == null ? "" : r.provider() + "/") + r.kind().name().toLowerCase(Locale.ROOT))
                    .orElse("(unknown)");
            return engine.failureLog().record(kind, info, "", "auth:/accounts/" + where, List.of());
        } catch (RuntimeException e) {
            LOG.error("SSO error-log record could not be written: {}", e.getClass().getName());
            return null;
        }
    }

    private void internalError(HttpServletRequest request, HttpServletResponse response, String errorId) {
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            FailureCode code = FailureCode.INTERNAL_ERROR;
            responder.error(request, response, new Page.Error(500, code.code(), code.message(), errorId, home(request)));
        } catch (IOException | RuntimeException e) {
            LOG.error("SSO error page could not be written: {}", e.getClass().getName());
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, Optional<Route> parsed) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (parsed.isEmpty()) {
            responder.error(request, response, new Page.Error(404, "not_found", "There is no such page.", null, home(request)));
            return;
        }
        Route route = parsed.get();
        if (!route.kind().allows(method)) {
            response.setHeader("Allow", route.kind().allow());
            responder.error(request, response, new Page.Error(405, "method_not_allowed",
                    "This address does not accept " + method + " requests.", null, home(request)));
            return;
        }
        MountPoint mount;
        try {
            mount = MountPoint.of(request, engine.config());
        } catch (IllegalArgumentException e) {
            LOG.warn("SSO request {} refused: the Host header is not a valid host name", route);
            String errorId = adminRecord("sso.bad_request", "An SSO request was refused: its Host header is not a valid host name",
                    parsed);
            responder.error(request, response, new Page.Error(400, "bad_request", "The request's host name is not valid.",
                    errorId, home(request)));
            return;
        }
        boolean post = method.equals("POST");
        if (post && route.kind().csrfChecked() && !csrfCheck.allows(request, mount.ssoBase())) {
            LOG.warn("SSO request {} refused by the CSRF check (Origin/Referer not of this site)", route);
            String errorId = adminRecord("sso.csrf_failed", "A POST to an SSO route was refused by the CSRF check "
                    + "(its Origin/Referer is not this site): a forged cross-site request, or a proxy dropping the headers", parsed);
            responder.error(request, response, new Page.Error(403, "csrf_failed",
                    "The request did not come from this site's own pages. Go back, reload the page and try again.",
                    errorId, mount.appUrl("/")));
            return;
        }
        switch (route.kind()) {
            case PROVIDERS -> providers(response, mount);
            case LOGIN -> login(request, response, mount, route.provider(), post);
            case CALLBACK -> callback(request, response, mount, route.provider());
            case DISCONNECT -> disconnect(request, response, mount, route.provider());
            case CONFIRM_EMAIL -> confirmEmail(request, response, mount, route.token(), post);
            case SIGNUP -> signup(request, response, mount, post);
            case LOGOUT -> logoutRoutes.logout(request, response, mount);
            case LOGOUT_CALLBACK -> logoutRoutes.callback(request, response, mount);
            case BACKCHANNEL_LOGOUT -> backChannelLogout.receive(request, response, mount, route.provider());
        }
    }

    // ------------------------------------------------------------------ routes

    private void providers(HttpServletResponse response, MountPoint mount) throws IOException {
        boolean enabled = flag(() -> engine.settings().ssoEnabled());
        boolean registration = flag(() -> engine.settings().registrationEnabled());
        responder.json(response, 200, new JsonBody.ProviderList(enabled, enabled && registration, engine.emailConfigured(),
                engine.loginChoices(mount.ssoBase())));
    }

    private static boolean flag(BooleanSupplier setting) {
        try {
            return setting.getAsBoolean();
        } catch (InvalidSettingException e) {
            // the engine logs it where it matters; the login page just shows no SSO
            return false;
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response, MountPoint mount, String provider, boolean post)
            throws IOException {
        AuthProcess process = AuthProcess.parse(request.getParameter("process"));
        if (process == AuthProcess.CONNECT && !post) {
            // a GET link could make a victim's browser link an identity the attacker controls to the victim's account
            response.setHeader("Allow", "POST");
            responder.error(request, response, new Page.Error(405, "method_not_allowed",
                    "Connecting an account needs a form POST from this site.", null, mount.appUrl("/")));
            return;
        }
        String userId = process == AuthProcess.CONNECT ? sessionBinder.currentUserId(request).orElse(null) : null;
        LoginOutcome outcome = engine.beginLogin(provider, new LoginRequest(process, request.getParameter("next"),
                mount.ssoBase(), blankToNull(request.getParameter("app")), userId));
        respond(request, response, mount, outcome);
    }

    private void callback(HttpServletRequest request, HttpServletResponse response, MountPoint mount, String provider)
            throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, List.of(values)));
        List<String> state = params.get("state");
        if (state != null && state.size() == 1) {
            TransactionCookies.clear(response, TransactionCookie.nameFor(state.get(0)), mount.ssoPath(TransactionCookie.PATH),
                    mount.https() || request.isSecure());
        }
        String userId = sessionBinder.currentUserId(request).orElse(null);
        LoginOutcome outcome = engine.completeLogin(provider,
                new CallbackRequest(params, TransactionCookies.read(request), mount.ssoBase(), userId));
        respond(request, response, mount, outcome);
    }

    private void disconnect(HttpServletRequest request, HttpServletResponse response, MountPoint mount, String provider)
            throws IOException {
        Optional<String> userId = sessionBinder.currentUserId(request);
        if (userId.isEmpty()) {
            FailureCode code = FailureCode.NOT_SIGNED_IN;
            responder.error(request, response, new Page.Error(403, code.code(), "Sign in first to disconnect an account.",
                    null, mount.appUrl("/")));
            return;
        }
        String uid = blankToNull(request.getParameter("uid"));
        if (uid == null) {
            responder.error(request, response, new Page.Error(400, "bad_request", "The form does not name the account (uid).",
                    null, mount.appUrl("/")));
            return;
        }
        if (!engine.disconnect(userId.get(), provider, uid)) {
            responder.error(request, response, new Page.Error(404, "not_connected",
                    "This account is not connected to your user.", null, mount.appUrl(request.getParameter("next"))));
            return;
        }
        if (AcceptHeader.wantsJson(request.getHeader("Accept"))) {
            responder.json(response, 200, new JsonBody.Disconnected(provider, uid, true));
        } else {
            responder.redirect(response, mount.appUrl(request.getParameter("next")));
        }
    }

    private void confirmEmail(HttpServletRequest request, HttpServletResponse response, MountPoint mount, String token,
                              boolean post) throws IOException {
        if (!post) {
            // showing a button instead of confirming on GET: mail scanners fetch links, and must not use them up
            responder.page(request, response, new Page.ConfirmEmail(mount.accountsPath() + "/confirm-email/" + token + "/",
                    csrfCheck.hiddenFields(request)));
            return;
        }
        LoginOutcome outcome = engine.confirmEmail(token);
        if (outcome instanceof LoginOutcome.EmailConfirmed confirmed) {
            HttpSession session = request.getSession(false);
            boolean sameBrowser = session != null && confirmed.user().id().equals(session.getAttribute(AWAITING_CONFIRMATION_ATTRIBUTE));
            if (!sameBrowser) {
                // the link alone is not a sign-in: it may have been forwarded, or opened on another device
                responder.page(request, response, new Page.EmailConfirmed(mount.appUrl("/")));
                return;
            }
            session.removeAttribute(AWAITING_CONFIRMATION_ATTRIBUTE);
            sessionBinder.signIn(request, response, confirmed.user());
            responder.redirect(response, mount.appUrl(confirmed.next()));
            return;
        }
        respond(request, response, mount, outcome);
    }

    private void signup(HttpServletRequest request, HttpServletResponse response, MountPoint mount, boolean post)
            throws IOException {
        HttpSession session = request.getSession(false);
        PendingSignupForm pending = session == null ? null
                : session.getAttribute(PendingSignupForm.ATTRIBUTE) instanceof PendingSignupForm p ? p : null;
        if (pending == null) {
            FailureCode code = FailureCode.SIGNUP_INVALID;
            responder.error(request, response, new Page.Error(FailureStatus.of(code), code.code(),
                    "There is no sign-up in progress; sign in with your provider again.", null, mount.appUrl("/")));
            return;
        }
        String action = mount.accountsPath() + "/signup/";
        if (!post) {
            responder.page(request, response, new Page.SignupForm(action, pending.suggested(), pending.providerName(),
                    csrfCheck.hiddenFields(request), null));
            return;
        }
        SignupDetails details = new SignupDetails(request.getParameter("username"), request.getParameter("email"),
                request.getParameter("first_name"), request.getParameter("last_name"));
        Optional<String> problem = formProblem(details);
        if (problem.isPresent()) {
            // checked here because the engine spends the pending sign-up on every submission it sees
            responder.page(request, response, new Page.SignupForm(action, details, pending.providerName(),
                    csrfCheck.hiddenFields(request), problem.get()));
            return;
        }
        session.removeAttribute(PendingSignupForm.ATTRIBUTE);
        respond(request, response, mount, engine.completeSignup(pending.token(), details, mount.ssoBase()));
    }

    /** The engine's own rules for the fields, so a typo re-shows the form instead of ending the sign-up. */
    private static Optional<String> formProblem(SignupDetails details) {
        if (!Usernames.accepts(details.username())) {
            return Optional.of("Choose a username of up to 30 letters, digits and _ . @ + - characters.");
        }
        if (!EmailAddresses.isValid(details.email())) {
            return Optional.of("Enter a valid email address.");
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ outcomes

    private void respond(HttpServletRequest request, HttpServletResponse response, MountPoint mount, LoginOutcome outcome)
            throws IOException {
        request.setAttribute(OUTCOME_ATTRIBUTE, outcome);
        // Java 17 has no pattern switch: one branch per LoginOutcome kind
        if (outcome instanceof LoginOutcome.Redirect r) {
            TransactionCookies.begin(request, response, r.cookie(), mount.ssoPath(r.cookie().path()),
                    mount.https() || request.isSecure());
            responder.redirect(response, r.location().toString());
        } else if (outcome instanceof LoginOutcome.SignedIn s) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(PendingSignupForm.ATTRIBUTE);
            }
            sessionBinder.signIn(request, response, s.user());
            SsoSessionAttribute.bind(request, s.sessionId());
            responder.redirect(response, mount.appUrl(s.next()));
        } else if (outcome instanceof LoginOutcome.Connected c) {
            responder.redirect(response, mount.appUrl(c.next()));
        } else if (outcome instanceof LoginOutcome.PendingSignup p) {
            request.getSession(true).setAttribute(PendingSignupForm.ATTRIBUTE, PendingSignupForm.of(p));
            responder.redirect(response, mount.accountsPath() + "/signup/");
        } else if (outcome instanceof LoginOutcome.AwaitingVerification a) {
            request.getSession(true).setAttribute(AWAITING_CONFIRMATION_ATTRIBUTE, a.user().id());
            responder.page(request, response, new Page.CheckMail(a.user().email(), a.mailSent(), mount.appUrl(a.next())));
        } else if (outcome instanceof LoginOutcome.EmailConfirmed e) {
            responder.page(request, response, new Page.EmailConfirmed(mount.appUrl(e.next())));
        } else if (outcome instanceof LoginOutcome.Failed f) {
            LoginFailure failure = f.failure();
            responder.error(request, response, new Page.Error(FailureStatus.of(failure.code()), failure.code().code(),
                    failure.message(), failure.errorLogId(), mount.appUrl(f.next())));
        } else {
            throw new IllegalStateException("unknown login outcome " + outcome.getClass().getName());
        }
    }

    private static String home(HttpServletRequest request) {
        return request.getContextPath() + "/";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The collaborators of an {@link SsoServlet}; all but the engine have defaults. */
    public static final class Builder {
        private final LoginEngine engine;
        private SessionBinder sessionBinder = new HttpSessionBinder();
        private CsrfCheck csrfCheck = CsrfCheck.sameOrigin();
        private PageRenderer pageRenderer = new MinimalPageRenderer();

        private Builder(LoginEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** How users are signed in; default {@link HttpSessionBinder}. */
        public Builder sessionBinder(SessionBinder binder) {
            this.sessionBinder = Objects.requireNonNull(binder, "binder");
            return this;
        }

        /** How POSTs are checked; default {@link CsrfCheck#sameOrigin()}. */
        public Builder csrfCheck(CsrfCheck check) {
            this.csrfCheck = Objects.requireNonNull(check, "check");
            return this;
        }

        /** How pages look; default {@link MinimalPageRenderer}. */
        public Builder pageRenderer(PageRenderer renderer) {
            this.pageRenderer = Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        public SsoServlet build() {
            return new SsoServlet(this);
        }
    }
}
