package io.gamebus.bridge;

import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A browser on one of SockJS's fallback transports (xhr-streaming, xhr-polling, eventsource),
 * served by vertx-web's SockJS session, which frames and queues per session. What waits for the
 * browser is counted here from the write futures: a polling browser that stops polling is closed
 * by the session timeout; a streaming one that stops reading is held to the same byte limit as a
 * WebSocket.
 */
final class SockJsSessionSocket extends BridgeSocket {

  private final SockJSSocket socket;
  private final int maxPendingBytes;
  private long pendingBytes;
  private boolean closing;

  SockJsSessionSocket(String id, SockJSSocket socket, int maxPendingBytes, BridgePermissions permissions) {
    super(id, String.valueOf(socket.remoteAddress()), permissions);
    this.socket = socket;
    this.maxPendingBytes = maxPendingBytes;
  }

  void start(Consumer<String> frames, Runnable closed) {
    socket.handler(buffer -> frames.accept(buffer.toString(StandardCharsets.UTF_8)));
    socket.closeHandler(v -> {
      markClosed();
      closed.run();
    });
    socket.exceptionHandler(e -> { /* the close handler follows */ });
  }

  @Override
  String transport() {
    String uri = socket.uri();
    // The query may carry a token (bridge.auth), which must not reach a status event or a log.
    int query = uri.indexOf('?');
    uri = query >= 0 ? uri.substring(0, query) : uri;
    int slash = uri.lastIndexOf('/');
    String name = slash >= 0 ? uri.substring(slash + 1) : uri;
    return "xhr".equals(name) ? "xhr-polling" : name.replace('_', '-');
  }

  @Override
  void write(OutFrame frame) {
    if (isClosed() || closing) {
      return;
    }
    int size = frame.size();
    pendingBytes += size;
    socket.write(frame.text()).onComplete(done -> pendingBytes -= size);
  }

  @Override
  boolean overLimit() {
    return pendingBytes > maxPendingBytes;
  }

  @Override
  long pendingBytes() {
    return pendingBytes;
  }

  @Override
  boolean drained() {
    return pendingBytes <= maxPendingBytes / 2;
  }

  @Override
  void close(int status, String reason) {
    if (isClosed() || closing) {
      return;
    }
    closing = true;
    socket.close(status, reason);
  }
}
