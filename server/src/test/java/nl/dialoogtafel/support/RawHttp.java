package nl.dialoogtafel.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request over a plain socket, for what {@code java.net.http} will not do: send from
 * another loopback address (127.0.0.2, …: a second client machine as the server sees it) and set
 * any {@code Host} header. The connection is closed after the answer.
 */
public final class RawHttp {

  /** The answer: status, headers (names in lower case) and body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final int port;
  private final String from;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private RawHttp(int port, String from) {
    this.port = port;
    this.from = from;
  }

  /** A request to the server on 127.0.0.1, sent from local address {@code from} (e.g. "127.0.0.2"). */
  public static RawHttp to(TestServer server, String from) {
    return new RawHttp(server.port(), from).header("Host", "127.0.0.1:" + server.port());
  }

  public RawHttp header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Answer get(String path) throws IOException {
    return send("GET", path, null);
  }

  public Answer post(String path, String body) throws IOException {
    return send("POST", path, body);
  }

  public Answer send(String method, String path, String body) throws IOException {
    try (Socket socket = open(method, path, body)) {
      return parse(readAll(socket.getInputStream()));
    }
  }

  /**
   * Only the status line of the answer to a GET, e.g. "HTTP/1.1 101 Switching Protocols" for a
   * WebSocket upgrade (which keeps the connection open, so the rest is not waited for).
   */
  public String statusLine(String path) throws IOException {
    try (Socket socket = open("GET", path, null)) {
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString().trim();
    }
  }

  private Socket open(String method, String path, String body) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(content.length).append("\r\n");
    }
    if (headers.keySet().stream().noneMatch("Connection"::equalsIgnoreCase)) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    Socket socket = new Socket();
    try {
      socket.setSoTimeout(30_000);
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toByteArray();
  }

  /** Good enough for the server's answers: a Content-Length body or a chunked one (sizes in bytes). */
  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = end + 4;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      while (true) {
        int lineEnd = text.indexOf("\r\n", at);
        int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
        if (size == 0) {
          break;
        }
        body.write(raw, lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
      }
    } else {
      body.write(raw, at, raw.length - at);
    }
    return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
  }
}
