package io.gatehouse.sso.testidp;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh self-signed certificate for {@code localhost} and {@code 127.0.0.1} (RSA 2048, like most IdPs'), made
 * when a test or benchmark starts and never written anywhere that outlives it: the server side for a loopback
 * IdP, and a client {@link SSLContext} that trusts exactly that certificate. The JDK has no public API that
 * issues certificates, so its own {@code keytool} makes one into a temporary key store, which is read and
 * deleted at once.
 *
 * <pre>{@code
 * SelfSignedTls tls = SelfSignedTls.forLoopback();
 * server.useHttps(tls.serverSockets());
 * IdpHttpClient http = new IdpHttpClient(Duration.ofSeconds(5), IdpHttpClient.DEFAULT_MAX_BODY_BYTES, tls.clientTrust());
 * }</pre>
 */
public final class SelfSignedTls {
    private static final String ALIAS = "idp";

    private final SSLContext server;
    private final SSLContext client;

    private SelfSignedTls(SSLContext server, SSLContext client) {
        this.server = server;
        this.client = client;
    }

    /** A new key pair and certificate; takes about a second (RSA key generation in a keytool process). */
    public static SelfSignedTls forLoopback() {
        char[] password = newPassword();
        try {
            KeyStore keys = generated(password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);

            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new SelfSignedTls(server, client);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
    }

    /** For the server: {@code mockWebServer.useHttps(tls.serverSockets())}. */
    public SSLSocketFactory serverSockets() {
        return server.getSocketFactory();
    }

    /** For a client: trusts this certificate and nothing else. */
    public SSLContext clientTrust() {
        return client;
    }

    private static KeyStore generated(char[] password) throws IOException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("gatehouse-tls");
        Path file = dir.resolve("idp.p12");
        try {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", new String(password), "-keypass", new String(password)))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in, password);
            }
            return keys;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static char[] newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
