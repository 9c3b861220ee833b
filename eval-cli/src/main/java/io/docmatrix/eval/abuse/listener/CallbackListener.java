package io.docmatrix.eval.abuse.listener;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP listener on the loopback whose URL the hostile inputs point at (XML external entities, PDF and HTML links,
 * prompt-injected callbacks). Nothing the platform is given should ever connect here: every accepted connection is
 * recorded with the first line it sent, and is a finding.
 */
public final class CallbackListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackListener.class);

    private final ServerSocket server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** A connection that reached the listener: when, and what it asked for. */
    public record Connection(Instant at, String firstLine) {}

    public CallbackListener() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "abuse-callback-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:<port>/<path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/" + path;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(2000);
                String first = "";
                try {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line = in.readLine();
                    first = line == null ? "" : line;
                } catch (SocketTimeoutException e) {
                    first = "(connected, sent nothing)";
                }
                connections.add(new Connection(Instant.now(), first));
                log.warn("callback listener was contacted: {}", first);
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.debug("callback listener: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
