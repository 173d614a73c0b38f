package io.gatehouse.sso.benchmarks;

import javax.net.ServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server sockets whose accepted connections have {@code TCP_NODELAY} on, as production HTTP servers set it.
 * MockWebServer leaves Nagle's algorithm on and writes a response's head and body separately, so each answer
 * waits for the client's delayed ACK (about 40 ms on Linux): a test-server artefact that would swamp every
 * loopback timing.
 *
 * <pre>{@code
 * server.setServerSocketFactory(new NoDelayServerSockets());
 * }</pre>
 */
final class NoDelayServerSockets extends ServerSocketFactory {
    private final AtomicInteger accepted = new AtomicInteger();

    private final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            accepted.incrementAndGet();
            return socket;
        }
    }

    /** Connections accepted so far: how many TCP (in production, TLS) connections clients opened. */
    int accepted() {
        return accepted.get();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return bound(new java.net.InetSocketAddress(port), 50);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return bound(new java.net.InetSocketAddress(port), backlog);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return bound(new java.net.InetSocketAddress(address, port), backlog);
    }

    private ServerSocket bound(java.net.InetSocketAddress address, int backlog) throws IOException {
        ServerSocket socket = new NoDelayServerSocket();
        socket.bind(address, backlog);
        return socket;
    }
}
