package io.gatehouse.sso.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy a test puts between the application and a server it depends on (PostgreSQL above all), so
 * the server can "stop" and "come back" without touching the real one, which other tests share. It forwards bytes
 * both ways until the test cuts it:
 *
 * <ul>
 *   <li>{@link #cut()}: every open connection is closed at once and the port is closed, so new connections are
 *       refused, as when the server stops;</li>
 *   <li>{@link #restore()}: the port listens again and connects to the server as before;</li>
 *   <li>{@link #cutWhenClientSends(String)}: the connection whose client sends these bytes (an SQL statement's text,
 *       say) is cut before they reach the server, and the whole proxy with it: the server stops at exactly that
 *       point of a transaction.</li>
 * </ul>
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432)) {
 *     String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/gatehouse";
 *     proxy.cutWhenClientSends("INSERT INTO sso_social_account");
 *     ...
 *     proxy.restore();
 * }
 * }</pre>
 */
public final class TcpProxy implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile byte[] trigger;
    private volatile CountDownLatch triggered = new CountDownLatch(1);

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptInBackground(listener);
    }

    /** A proxy on a free loopback port, forwarding to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    /** The port the application connects to instead of the server's. */
    public int port() {
        return port;
    }

    /** Closes every connection and the port: the server is gone. */
    public synchronized void cut() {
        closeQuietly(listener);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Listens again on the same port (after {@link #cut()}); new connections reach the server. */
    public synchronized void restore() {
        trigger = null;
        if (listener.isClosed()) {
            listener = listen(port);
            acceptInBackground(listener);
        }
    }

    /** Cuts everything when a client sends {@code marker} (before it is forwarded). */
    public void cutWhenClientSends(String marker) {
        triggered = new CountDownLatch(1);
        trigger = marker.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the marker of {@link #cutWhenClientSends} was seen (and the proxy cut) within {@code wait}. */
    public boolean awaitTriggered(Duration wait) throws InterruptedException {
        return triggered.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("the proxy cannot listen on port " + port, e);
        }
    }

    private void acceptInBackground(ServerSocket socket) {
        daemon("tcp-proxy-" + port, () -> {
            while (!socket.isClosed()) {
                try {
                    connect(socket, socket.accept());
                } catch (IOException e) {
                    // closed by cut(), or one connection failed: the loop ends or goes on accordingly
                }
            }
        });
    }

    private void connect(ServerSocket accepting, Socket client) throws IOException {
        Socket server = new Socket();
        open.add(client);
        open.add(server);
        try {
            server.connect(target, 5_000);
            if (accepting.isClosed()) {
                throw new SocketException("the proxy was cut while this connection was being made");
            }
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            throw e;
        }
        pump(client, server, true);
        pump(server, client, false);
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        daemon("tcp-proxy-" + port + (fromClient ? "-up" : "-down"), () -> {
            byte[] buffer = new byte[16 * 1024];
            byte[] seen = new byte[0];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    byte[] marker = trigger;
                    if (fromClient && marker != null) {
                        // the last bytes of the previous read, then this one: a marker split between reads is found too
                        byte[] window = Arrays.copyOf(seen, seen.length + n);
                        System.arraycopy(buffer, 0, window, seen.length, n);
                        if (contains(window, marker)) {
                            triggered.countDown();
                            cut();
                            return;
                        }
                        seen = Arrays.copyOfRange(window, Math.max(0, window.length - marker.length), window.length);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away or the proxy was cut
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            if (c instanceof Socket s && !s.isClosed()) {
                // RST instead of FIN: the application sees a connection reset, as when a server process dies
                s.setSoLinger(true, 0);
            }
            c.close();
        } catch (SocketException e) {
            // already closed
        } catch (IOException e) {
            // nothing more to do: it is being thrown away
        }
    }
}
