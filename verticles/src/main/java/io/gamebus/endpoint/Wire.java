package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.net.NetSocket;

/**
 * The writing side of one socket, whatever the transport, so a protocol's connection class is
 * written once for TCP and WebSocket. Past {@code maxPendingBytes} queued,
 * {@link #writeQueueFull()} turns true until the peer drains it; server connections count their
 * queued bytes themselves from the futures {@link #send} returns ({@link ServerLink}).
 */
public interface Wire {

  /** {@code tcp} or {@code websocket}. */
  String transport();

  String remoteAddress();

  /** The peer's IP address alone, e.g. {@code 127.0.0.1}. */
  String remoteHost();

  /**
   * The URI of the WebSocket upgrade request a server accepted (path and query, e.g.
   * {@code /ws?session_id=3}); null on TCP and in the client role.
   */
  default String requestUri() {
    return null;
  }

  /** Queues one already-encoded message (one frame on WebSocket). */
  void write(Buffer encoded);

  /**
   * Queues one message encoded once for many connections (a text frame uses its shared String);
   * the future completes once it is handed to the OS. A wire that cannot tell completes it at once.
   */
  default Future<Void> send(Outgoing message) {
    write(message.bytes());
    return Future.succeededFuture();
  }

  boolean writeQueueFull();

  /** Closes after the queued writes are flushed. */
  Future<Void> close();

  /** Closes with a WebSocket close status and reason (at most 123 bytes are sent); TCP closes plainly. */
  default Future<Void> close(int status, String reason) {
    return close();
  }

  /**
   * The status of the close frame a WebSocket received, e.g. {@code status 1000 (Client
   * disconnecting)}; null on TCP or without one.
   */
  default String closeDetail() {
    return null;
  }

  /** Stops reading, e.g. while an earlier message is still being handled. */
  void pause();

  void resume();

  static Wire tcp(NetSocket socket, int maxPendingBytes) {
    socket.setWriteQueueMaxSize(maxPendingBytes);
    return new Wire() {
      @Override public String transport() { return "tcp"; }
      @Override public String remoteAddress() { return String.valueOf(socket.remoteAddress()); }
      @Override public String remoteHost() { return socket.remoteAddress().hostAddress(); }
      @Override public void write(Buffer encoded) { socket.write(encoded); }
      @Override public Future<Void> send(Outgoing message) { return socket.write(message.bytes()); }
      @Override public boolean writeQueueFull() { return socket.writeQueueFull(); }
      @Override public Future<Void> close() { return socket.close(); }
      @Override public void pause() { socket.pause(); }
      @Override public void resume() { socket.resume(); }
    };
  }

  /** @param binary send binary frames (what PyQt-era FAF clients read) rather than text frames */
  static Wire webSocket(WebSocketBase socket, int maxPendingBytes, boolean binary) {
    socket.setWriteQueueMaxSize(maxPendingBytes);
    return new Wire() {
      @Override public String transport() { return "websocket"; }
      @Override public String requestUri() { return socket instanceof ServerWebSocket server ? server.uri() : null; }
      @Override public String remoteAddress() { return String.valueOf(socket.remoteAddress()); }
      @Override public String remoteHost() { return socket.remoteAddress().hostAddress(); }

      @Override
      public void write(Buffer encoded) {
        send(Outgoing.of(encoded));
      }

      @Override
      public Future<Void> send(Outgoing message) {
        return binary ? socket.writeBinaryMessage(message.bytes()) : socket.writeTextMessage(message.text());
      }

      @Override public boolean writeQueueFull() { return socket.writeQueueFull(); }
      @Override public Future<Void> close() { return socket.close(); }
      @Override public void pause() { socket.pause(); }
      @Override public void resume() { socket.resume(); }

      @Override
      public Future<Void> close(int status, String reason) {
        return socket.close((short) status, closeReason(reason));
      }

      @Override
      public String closeDetail() {
        Short status = socket.closeStatusCode();
        if (status == null) {
          return null;
        }
        String reason = socket.closeReason();
        return "status " + status + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
      }
    };
  }

  /** A close frame's reason has room for 123 bytes of UTF-8: cut on a character boundary. */
  private static String closeReason(String reason) {
    byte[] bytes = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (bytes.length <= 123) {
      return reason;
    }
    int end = 123;
    while ((bytes[end] & 0xC0) == 0x80) {
      end--; // a continuation byte: back to the start of its character
    }
    return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
  }
}
