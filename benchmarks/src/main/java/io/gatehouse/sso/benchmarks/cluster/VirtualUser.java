package io.gatehouse.sso.benchmarks.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * One person using the application through a browser, again and again until told to stop: a new identity signs in
 * for the first time (every fifth time in two tabs at once), signs in twice more with changed IdP groups, connects an
 * identity at the second IdP app, then closes the browser. The user's session sticks to one node, as behind a load
 * balancer with sticky sessions, but each login begins on the other node: the transaction travels in the cookie.
 * Every step is a whole sign-in (begin, the IdP's redirect, the callback) and is recorded with its time and outcome.
 */
final class VirtualUser implements Runnable {
    static final String LOGIN_APP = "corp";
    static final String CONNECT_APP = "partner";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final int id;
    private final HttpClient http;
    private final List<URI> nodes;
    private final String publicOrigin;
    private final BooleanSupplier stopped;
    private final CookieJar jar = new CookieJar();
    private final List<Step> steps = new ArrayList<>();

    /**
     * @param nodes        the nodes' own base URLs ({@code http://127.0.0.1:<port>})
     * @param publicOrigin the application's public origin (the nodes' {@code site_url} without its path)
     */
    VirtualUser(int id, HttpClient http, List<URI> nodes, String publicOrigin, BooleanSupplier stopped) {
        this.id = id;
        this.http = http;
        this.nodes = nodes;
        this.publicOrigin = publicOrigin;
        this.stopped = stopped;
    }

    /** The steps done so far; read once the thread has ended. */
    List<Step> steps() {
        return steps;
    }

    @Override
    public void run() {
        URI sticky = nodes.get(id % nodes.size());
        URI other = nodes.get((id + 1) % nodes.size());
        for (int cycle = 0; !stopped.getAsBoolean(); cycle++) {
            String me = "vu" + id + "-" + cycle;
            jar.clear();
            boolean twoTabs = cycle % 5 == 0;
            Step.Kind first = twoTabs ? Step.Kind.FIRST_SIGN_IN_TWO_TABS : Step.Kind.FIRST_SIGN_IN;
            if (!record(first, () -> twoTabs ? inTwoTabs(me) : signIn(me, "idp-staff,idp-eng", other, sticky))
                    || !record(Step.Kind.RETURNING_SIGN_IN, () -> signIn(me, "idp-staff,idp-ops", other, sticky))
                    || !record(Step.Kind.RETURNING_SIGN_IN, () -> signIn(me, "idp-eng", other, sticky))) {
                continue;
            }
            record(Step.Kind.CONNECT, () -> connect(me, sticky));
        }
    }

    /** A step: null when it ended as it should, else what went wrong. */
    @FunctionalInterface
    private interface Attempt {
        String run() throws IOException, InterruptedException, ExecutionException;
    }

    private boolean record(Step.Kind kind, Attempt attempt) {
        long start = System.nanoTime();
        String error;
        try {
            error = attempt.run();
        } catch (IOException | ExecutionException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        steps.add(new Step(kind, start, System.nanoTime(), error));
        return error == null;
    }

    /** A login of {@code subject} begun at {@code begin} and completed at {@code callback}. */
    private String signIn(String subject, String groups, URI begin, URI callback) throws IOException, InterruptedException {
        HttpResponse<String> toIdp = send(get(begin.resolve("/app/accounts/" + LOGIN_APP + "/login/")));
        if (toIdp.statusCode() != 302) {
            return "begin " + failure(toIdp);
        }
        return finish(toIdp, subject, groups, callback);
    }

    /** The signed-in user links {@code <subject>-partner} of the second app (a POST with the page's Origin). */
    private String connect(String subject, URI node) throws IOException, InterruptedException {
        HttpResponse<String> toIdp = send(HttpRequest.newBuilder(node.resolve("/app/accounts/" + CONNECT_APP + "/login/"))
                .POST(HttpRequest.BodyPublishers.ofString("process=connect"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", publicOrigin));
        if (toIdp.statusCode() != 302) {
            return "connect begin " + failure(toIdp);
        }
        return finish(toIdp, subject + "-partner", "", node);
    }

    /** Two tabs begin a first sign-in each (one per node); both callbacks then arrive at once, one at each node. */
    private String inTwoTabs(String subject) throws IOException, InterruptedException, ExecutionException {
        List<CompletableFuture<HttpResponse<String>>> callbacks = new ArrayList<>();
        for (URI node : nodes) {
            HttpResponse<String> toIdp = send(get(node.resolve("/app/accounts/" + LOGIN_APP + "/login/")));
            if (toIdp.statusCode() != 302) {
                return "begin " + failure(toIdp);
            }
            URI callback = atIdp(toIdp, subject, "idp-staff,idp-eng");
            callbacks.add(http.sendAsync(prepared(get(onNode(callback, node))), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : callbacks) {
            HttpResponse<String> done = answer.get();
            jar.store(done);
            if (!signedIn(done)) {
                return "callback " + failure(done);
            }
        }
        return null;
    }

    private String finish(HttpResponse<String> toIdp, String subject, String groups, URI node) throws IOException, InterruptedException {
        HttpResponse<String> done = send(get(onNode(atIdp(toIdp, subject, groups), node)));
        return signedIn(done) ? null : "callback " + failure(done);
    }

    /** The IdP signs the user in and sends the browser back: the callback's public URL. */
    private URI atIdp(HttpResponse<String> toIdp, String subject, String groups) throws IOException, InterruptedException {
        String authorize = toIdp.headers().firstValue("Location").orElseThrow() + "&vu=" + subject + "&groups=" + groups;
        HttpResponse<Void> back = http.send(HttpRequest.newBuilder(URI.create(authorize)).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return URI.create(back.headers().firstValue("Location").orElseThrow(() -> new IOException("IdP HTTP " + back.statusCode())));
    }

    private static boolean signedIn(HttpResponse<String> done) {
        return done.statusCode() == 302 && done.headers().firstValue("Location").orElse("").startsWith("/app/");
    }

    /** The load balancer: a public URL's path and query, on the chosen node. */
    private static URI onNode(URI publicUrl, URI node) {
        return node.resolve(publicUrl.getRawPath() + "?" + publicUrl.getRawQuery());
    }

    private HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).GET();
    }

    /** A request to the application: this browser's cookies, JSON errors, a time-out. */
    private HttpRequest prepared(HttpRequest.Builder request) {
        String cookies = jar.header();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return request.header("Accept", "application/json").timeout(REQUEST_TIMEOUT).build();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(prepared(request), HttpResponse.BodyHandlers.ofString());
        jar.store(response);
        return response;
    }

    /** "HTTP 503 store_unavailable": the status and the failure code of Gatehouse's JSON error. */
    private static String failure(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        int at = body.indexOf("\"code\":\"");
        String code = at < 0 ? "" : " " + body.substring(at + 8, Math.max(at + 8, body.indexOf('"', at + 8)));
        return "HTTP " + response.statusCode() + code;
    }
}
