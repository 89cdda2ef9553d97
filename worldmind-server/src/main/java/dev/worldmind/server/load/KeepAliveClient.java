package dev.worldmind.server.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client on one kept-alive loopback connection, for load generation: it writes a
 * POST and reads the status and a Content-Length body, and nothing else. The JDK's HttpClient costs
 * several times more CPU per request, which on a small machine would be taken from the server being
 * measured (load tools such as wrk are lean for the same reason). Not thread-safe: one per client
 * thread.
 */
final class KeepAliveClient implements AutoCloseable {
    private final InetSocketAddress address;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /**
     * @param target the URL to POST to
     * @param bearer the bearer token to send
     */
    KeepAliveClient(URI target, String bearer) {
        this.address = new InetSocketAddress(target.getHost(), target.getPort());
        this.head =
                ("POST "
                                + target.getRawPath()
                                + " HTTP/1.1\r\nHost: "
                                + target.getHost()
                                + ":"
                                + target.getPort()
                                + "\r\nAuthorization: Bearer "
                                + bearer
                                + "\r\nContent-Type: application/json\r\nContent-Length: ")
                        .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends a JSON body and reads the whole answer.
     *
     * @param body the body
     * @return the status code
     * @throws IOException when the connection fails (the next call reconnects)
     */
    int post(byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        try {
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + length.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(length, 0, request, head.length, length.length);
            System.arraycopy(body, 0, request, head.length + length.length, body.length);
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long contentLength = -1;
            boolean close = false;
            String header;
            while (!(header = line()).isEmpty()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, Math.max(colon, 0)).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    throw new IOException("chunked answers are not supported by the load client");
                }
            }
            if (contentLength < 0) {
                throw new IOException("the answer has no Content-Length");
            }
            in.skipNBytes(contentLength);
            if (close) {
                close();
            }
            return code;
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a dead connection: nothing to save.
            }
            socket = null;
        }
    }
}
