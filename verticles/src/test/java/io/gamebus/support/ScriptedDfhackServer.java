package io.gamebus.support;

import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.RpcStreamDecoder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DFHack server for client-role tests that answers the handshake (or not) and then writes the
 * scripted bytes, in order, one entry per request frame it reads — including bytes no real
 * server would send. Counts the connections it accepts and the ones the client closes.
 */
public final class ScriptedDfhackServer {

  private final NetServer server;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  // Tests wait on their own thread while the counts move on the event loop.
  private final List<Waiter> acceptedWaiters = new CopyOnWriteArrayList<>();
  private final List<Waiter> closedWaiters = new CopyOnWriteArrayList<>();

  private ScriptedDfhackServer(Vertx vertx, boolean handshake, List<Buffer> answers) {
    server = vertx.createNetServer().connectHandler(socket -> {
      reached(acceptedWaiters, accepted.incrementAndGet());
      socket.closeHandler(v -> reached(closedWaiters, closed.incrementAndGet()));
      RpcStreamDecoder decoder = RpcStreamDecoder.server(RpcCodes.MAX_PAYLOAD);
      int[] next = {0};
      socket.handler(bytes -> {
        try {
          decoder.feed(bytes, version -> {
            if (handshake) {
              socket.write(Handshake.reply());
            }
          }, frame -> {
            if (next[0] < answers.size()) {
              socket.write(answers.get(next[0]++));
            }
          });
        } catch (DfhackCodecException e) {
          socket.close();
        }
      });
    });
  }

  /** Listens on a free loopback port. */
  public static Future<ScriptedDfhackServer> start(Vertx vertx, boolean handshake, List<Buffer> answers) {
    ScriptedDfhackServer s = new ScriptedDfhackServer(vertx, handshake, answers);
    return s.server.listen(0, "127.0.0.1").map(s);
  }

  public int port() {
    return server.actualPort();
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Connections that have ended so far. */
  public int closed() {
    return closed.get();
  }

  /** Completes once {@code n} connections have been accepted. */
  public Future<Void> acceptedAtLeast(int n) {
    return waitFor(acceptedWaiters, accepted, n);
  }

  /** Completes once {@code n} connections have ended. */
  public Future<Void> closedAtLeast(int n) {
    return waitFor(closedWaiters, closed, n);
  }

  private record Waiter(int n, Promise<Void> promise) {
  }

  private static Future<Void> waitFor(List<Waiter> waiters, AtomicInteger count, int n) {
    Waiter waiter = new Waiter(n, Promise.promise());
    waiters.add(waiter);
    reached(waiters, count.get());
    return waiter.promise().future();
  }

  private static void reached(List<Waiter> waiters, int count) {
    for (Waiter waiter : waiters) {
      if (waiter.n() <= count) {
        waiter.promise().tryComplete();
      }
    }
  }

  /** A frame header with any id and size, payload not included: {@code size} may lie. */
  public static Buffer header(int id, int size) {
    return Buffer.buffer().appendShortLE((short) id).appendShortLE((short) 0).appendIntLE(size);
  }
}
