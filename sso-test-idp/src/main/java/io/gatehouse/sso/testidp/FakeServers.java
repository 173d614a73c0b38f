package io.gatehouse.sso.testidp;

import mockwebserver3.MockWebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Starting a fake IdP's MockWebServer on a free loopback port, and naming its origin. The server's connections
 * have {@code TCP_NODELAY} on, as production servers set it: MockWebServer writes a response's head and body
 * separately, and with Nagle's algorithm on every answer on a kept-alive connection would wait for the client's
 * delayed ACK (about 40 ms on Linux).
 */
public final class FakeServers {
    private FakeServers() {
    }

    public static void start(MockWebServer server) {
        try {
            server.setServerSocketFactory(new NoDelay());
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scheme, host and port, without a trailing slash. */
    public static String origin(MockWebServer server) {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    private static final class NoDelay extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket accepted = super.accept();
                    accepted.setTcpNoDelay(true);
                    return accepted;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return createServerSocket(port, 50, null);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return createServerSocket(port, backlog, null);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket socket = createServerSocket();
            socket.bind(new InetSocketAddress(address, port), backlog);
            return socket;
        }
    }
}
