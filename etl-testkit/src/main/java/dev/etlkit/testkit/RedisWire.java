package dev.etlkit.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One socket speaking RESP2: commands out as arrays of bulk strings, replies parsed. */
final class RedisWire implements AutoCloseable {
  private final Socket socket = new Socket();
  private final OutputStream out;
  private final InputStream in;

  RedisWire(String host, int port) throws IOException {
    try {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      socket.setSoTimeout(10_000);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream());
  }

  @Nullable Object call(String... args) throws IOException {
    StringBuilder sb = new StringBuilder().append('*').append(args.length).append("\r\n");
    for (String a : args) {
      sb.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
    return reply();
  }

  private @Nullable Object reply() throws IOException {
    int type = in.read();
    String line = line();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new IllegalStateException("Redis replied " + line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] bytes = in.readNBytes(length + 2);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      case '*': {
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<@Nullable Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          items.add(reply());
        }
        return items;
      }
      default:
        throw new IOException("unexpected reply from Redis: " + (char) type + line);
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\r'; c = in.read()) {
      if (c < 0) {
        throw new IOException("Redis closed the connection");
      }
      sb.append((char) c);
    }
    in.read();
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
