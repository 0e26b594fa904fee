package nianbao.hostile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on 127.0.0.1 that counts connections. Hostile inputs point their external
 * entities, links and images at it; any connection means something fetched a remote resource.
 */
final class LocalListener implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    LocalListener() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(2000);
                    String first = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                            java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
                    requests.add(first == null ? "" : first);
                    connections.incrementAndGet();
                    s.getOutputStream().write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes());
                } catch (IOException e) {
                    // closed
                }
            }
        }, "local-listener");
        t.setDaemon(true);
        t.start();
    }

    int port() { return server.getLocalPort(); }

    int connections() { return connections.get(); }

    /** Request lines received so far ("GET /path HTTP/1.1"; empty when the client sent nothing). */
    java.util.List<String> requests() { return java.util.List.copyOf(requests); }

    /** Request lines whose path contains {@code tag}. */
    java.util.List<String> requests(String tag) {
        return requests.stream().filter(r -> r.contains("/" + tag + "/")).toList();
    }

    @Override
    public void close() throws IOException { server.close(); }
}
