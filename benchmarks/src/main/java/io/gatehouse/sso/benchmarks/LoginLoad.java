package io.gatehouse.sso.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Browsers signing in over and over: each thread is one browser with kept-alive connections, whose cookies are
 * dropped before each sign-in, so every sign-in is a new session. A sign-in is the whole redirect dance (start at
 * the application, the IdP's answer, the callback) plus the first page, which must answer 200.
 *
 * <pre>{@code
 * LoginLoad.Measured m = new LoginLoad(base, "/oauth2/authorization/corp", before).run(4, Duration.ofSeconds(20));
 * }</pre>
 */
final class LoginLoad {

    /** What one run did: latencies of the successful sign-ins in microseconds, sorted. */
    record Measured(int succeeded, int failed, double seconds, long[] latenciesMicros) {
        double perSecond() {
            return succeeded / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p / 100 * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, index)] / 1000.0;
        }
    }

    private final URI base;
    private final String startPath;
    private final Runnable beforeEachSignIn;

    /** @param beforeEachSignIn run before each sign-in (the IdP is told who signs in next) */
    LoginLoad(URI base, String startPath, Runnable beforeEachSignIn) {
        this.base = base;
        this.startPath = startPath;
        this.beforeEachSignIn = beforeEachSignIn;
    }

    Measured run(int threads, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger failed = new AtomicInteger();
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> browsers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread browser = new Thread(() -> browse(end, latencies, failed), "login-load-" + t);
            browsers.add(browser);
            browser.start();
        }
        for (Thread browser : browsers) {
            browser.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Measured(sorted.length, failed.get(), seconds, sorted);
    }

    private void browse(long end, Queue<Long> latencies, AtomicInteger failed) {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < end) {
            cookies.getCookieStore().removeAll();
            beforeEachSignIn.run();
            long t0 = System.nanoTime();
            if (signIn(browser)) {
                latencies.add((System.nanoTime() - t0) / 1000);
            } else {
                failed.incrementAndGet();
            }
        }
    }

    private boolean signIn(HttpClient browser) {
        try {
            HttpResponse<String> answer = get(browser, base.resolve(startPath));
            for (int hop = 0; hop < 3 && answer.statusCode() == 302; hop++) {
                answer = get(browser, answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow()));
            }
            return answer.statusCode() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
