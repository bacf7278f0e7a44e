package org.sijil.ops.bench.access;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept alive across requests, for the benchmark's load generator: a GET
 * written as bytes, the answer's status read and its body read to the end (by
 * {@code Content-Length} or chunked) and dropped. It is a real HTTP exchange over TCP with the
 * application's server; it only spends less of the shared CPU than {@code java.net.http}, whose
 * selector thread, executor hand-offs and per-request objects took an eighth of the process's CPU in
 * a profile of the benchmark. Apache HttpClient 5's classic client with a connection pool, tried in
 * its place, cost the whole process 1.30 ms of CPU per bare read against 0.86 ms with this one (same
 * run settings, quiet machine), which the benchmark would have counted against the reads.
 *
 * <p>A connection the server closed (after {@code Connection: close}, or idle) is opened again for
 * the next request; a request that finds its reused connection closed before any answer came is
 * sent once more on a new one, as HTTP clients do for idempotent requests. Not thread-safe: one per
 * client thread.
 */
final class PlainHttpClient implements Closeable {

    private final InetSocketAddress address;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;
    private boolean answerStarted;

    PlainHttpClient(String host, int port) {
        this.address = new InetSocketAddress(host, port);
        this.hostHeader = host + ":" + port;
    }

    /** Sends {@code GET pathAndQuery}; returns the status code once the whole answer is read. */
    int get(String pathAndQuery, String authorization) throws IOException {
        byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: "
                + authorization + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        if (socket == null) {
            open();
        }
        boolean wasReused = reused;
        answerStarted = false;
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            if (!wasReused || answerStarted) {
                throw e;
            }
            open();
            out.write(request);
            out.flush();
            return readResponse();
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 10_000);
        socket.setSoTimeout(600_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
        reused = false;
    }

    private int readResponse() throws IOException {
        String statusLine = line(true);
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(false); !header.isEmpty(); header = line(false)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(chunkSize(line(false)), 16); size > 0;
                    size = Long.parseLong(chunkSize(line(false)), 16)) {
                skip(size);
                line(false);
            }
            for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
                // trailers are not used
            }
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else {
            close = true;
            while (in.read() >= 0) {
                // body until the server closes
            }
        }
        if (close) {
            close();
        } else {
            reused = true;
        }
        return status;
    }

    private static String chunkSize(String line) {
        int semicolon = line.indexOf(';');
        return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("answer ended early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One line without its CRLF; {@code first}: the answer's first line, where a closed connection shows. */
    private String line(boolean first) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        int b = in.read();
        if (b < 0) {
            throw new EOFException(first ? "connection closed before the answer" : "answer ended early");
        }
        answerStarted = true;
        while (b >= 0 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
            b = in.read();
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to keep
            }
        }
        socket = null;
        in = null;
        out = null;
        reused = false;
    }
}
