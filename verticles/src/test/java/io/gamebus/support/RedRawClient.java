package io.gamebus.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made WebSocket client on a plain TCP socket, for hostile tests of the Red server role: it
 * writes any frame (text frames of bytes that are not UTF-8, fragments, huge frames) and reads the
 * server's frames exactly, close status and reason bytes included.
 */
public final class RedRawClient {

  /** One frame from the server. */
  public record Frame(int opcode, Buffer payload) {
    public String text() {
      return payload.toString(StandardCharsets.UTF_8);
    }

    public JsonObject json() {
      return new JsonObject(text());
    }

    /** A close frame's status, or -1. */
    public int closeStatus() {
      return opcode == 8 && payload.length() >= 2 ? payload.getUnsignedShort(0) : -1;
    }

    /** A close frame's reason. */
    public String closeReason() {
      return opcode == 8 && payload.length() > 2 ? payload.getString(2, payload.length(), "UTF-8") : "";
    }
  }

  private final NetSocket socket;
  private Buffer pending = Buffer.buffer();
  private final ArrayDeque<Frame> frames = new ArrayDeque<>();
  private final ArrayDeque<Promise<Frame>> waiting = new ArrayDeque<>();
  private final Promise<Void> ended = Promise.promise();
  private final List<Frame> all = new ArrayList<>();

  /** Held so that the client is not cleaned up (and its socket closed) while the socket is in use. */
  private final NetClient net;

  private RedRawClient(NetSocket socket, NetClient net) {
    this.socket = socket;
    this.net = net;
  }

  /** Upgrades {@code /} (optionally with an {@code Origin}); fails with the HTTP status line when refused. */
  public static Future<RedRawClient> connect(Vertx vertx, int port, String path, String origin) {
    NetClient net = vertx.createNetClient();
    return net.connect(port, "127.0.0.1").compose(socket -> {
      Promise<RedRawClient> upgraded = Promise.promise();
      RedRawClient client = new RedRawClient(socket, net);
      Buffer head = Buffer.buffer();
      socket.handler(data -> {
        if (upgraded.future().isComplete()) {
          client.feed(data);
          return;
        }
        head.appendBuffer(data);
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end >= 0) {
          if (!text.startsWith("HTTP/1.1 101")) {
            upgraded.fail(text.substring(0, text.indexOf("\r\n")));
            socket.close();
            return;
          }
          upgraded.complete(client);
          client.feed(head.getBuffer(end + 4, head.length()));
        }
      });
      socket.closeHandler(v -> {
        client.ended.tryComplete();
        upgraded.tryFail("closed before the upgrade");
        client.waiting.forEach(p -> p.tryFail("closed"));
      });
      socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n");
      return upgraded.future();
    });
  }

  /** A plain HTTP request; completes with the status line. */
  public static Future<String> http(Vertx vertx, int port, String method, String path) {
    NetClient net = vertx.createNetClient();
    return net.connect(port, "127.0.0.1").compose(socket -> {
      Promise<String> status = Promise.promise();
      Buffer got = Buffer.buffer();
      socket.handler(data -> {
        got.appendBuffer(data);
        String text = got.toString(StandardCharsets.ISO_8859_1);
        if (text.contains("\r\n")) {
          status.tryComplete(text.substring(0, text.indexOf("\r\n")));
          net.close();
        }
      });
      socket.closeHandler(v -> status.tryFail("closed without an answer"));
      socket.write(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 0\r\n\r\n");
      return status.future();
    });
  }

  private void feed(Buffer data) {
    pending.appendBuffer(data);
    while (true) {
      if (pending.length() < 2) {
        return;
      }
      int opcode = pending.getByte(0) & 0x0F;
      int len = pending.getByte(1) & 0x7F;
      int at = 2;
      long length = len;
      if (len == 126) {
        if (pending.length() < 4) {
          return;
        }
        length = pending.getUnsignedShort(2);
        at = 4;
      } else if (len == 127) {
        if (pending.length() < 10) {
          return;
        }
        length = pending.getLong(2);
        at = 10;
      }
      if (pending.length() < at + length) {
        return;
      }
      Frame frame = new Frame(opcode, pending.getBuffer(at, at + (int) length));
      pending = pending.getBuffer(at + (int) length, pending.length());
      all.add(frame);
      if (opcode == 8) {
        // Answer the close as a real client does, so the server ends the TCP connection at once.
        frame(8, true, frame.payload().getBytes());
      }
      if (waiting.isEmpty()) {
        frames.add(frame);
      } else {
        waiting.poll().complete(frame);
      }
    }
  }

  /** The next frame from the server (a close frame included). */
  public Future<Frame> next() {
    if (!frames.isEmpty()) {
      return Future.succeededFuture(frames.poll());
    }
    Promise<Frame> p = Promise.promise();
    waiting.add(p);
    return p.future();
  }

  /** Every frame received so far. */
  public List<Frame> received() {
    return List.copyOf(all);
  }

  /** Completes when the TCP connection has ended. */
  public Future<Void> ended() {
    return ended.future();
  }

  public RedRawClient text(String text) {
    return frame(1, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes one masked frame: opcode 1 text, 2 binary, 0 continuation. */
  public RedRawClient frame(int opcode, boolean fin, byte[] payload) {
    Buffer out = Buffer.buffer(payload.length + 14);
    out.appendByte((byte) ((fin ? 0x80 : 0) | opcode));
    if (payload.length < 126) {
      out.appendByte((byte) (0x80 | payload.length));
    } else if (payload.length < 65536) {
      out.appendByte((byte) (0x80 | 126)).appendUnsignedShort(payload.length);
    } else {
      out.appendByte((byte) (0x80 | 127)).appendLong(payload.length);
    }
    byte[] mask = {1, 2, 3, 4};
    out.appendBytes(mask);
    byte[] masked = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      masked[i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    out.appendBytes(masked);
    socket.write(out);
    return this;
  }

  public Future<Void> close() {
    return net.close();
  }
}
