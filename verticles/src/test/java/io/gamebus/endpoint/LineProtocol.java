package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;

/**
 * A toy protocol for the link's tests: lines of text; {@code hello} completes the handshake,
 * {@code welcome} proves the connection, a line {@code bad} is undecodable.
 */
final class LineProtocol implements UpstreamProtocol<String, LineProtocol.Session> {

  static final class Session implements UpstreamSession<String> {
    final String id;
    final Wire wire;
    final Runnable proven;
    final Promise<Void> handshake = Promise.promise();
    final List<String> received = new ArrayList<>();
    String closedWhy;
    boolean shutdown;

    Session(String id, Wire wire, Runnable proven) {
      this.id = id;
      this.wire = wire;
      this.proven = proven;
    }

    @Override
    public Future<Void> handshake() {
      wire.write(io.vertx.core.buffer.Buffer.buffer("hi\n"));
      return handshake.future();
    }

    @Override
    public void received(String line) {
      received.add(line);
      if (line.equals("hello")) {
        handshake.tryComplete();
      } else if (line.equals("welcome")) {
        proven.run();
      }
    }

    @Override
    public void closed(String why) {
      closedWhy = why;
    }

    @Override
    public Future<Void> shutdown() {
      shutdown = true;
      wire.write(io.vertx.core.buffer.Buffer.buffer("bye\n"));
      return wire.close();
    }
  }

  final List<Session> sessions = new ArrayList<>();
  RuntimeException refuse;

  @Override
  public MessageDecoder<String> decoder() {
    return (bytes, sink) -> {
      for (String line : bytes.toString().split("\n")) {
        if (line.equals("bad")) {
          throw new MessageDecoder.BadInput("not a line we know: bad", null);
        }
        sink.accept(line);
      }
    };
  }

  @Override
  public Session session(String connectionId, Wire wire, Runnable proven) {
    if (refuse != null) {
      throw refuse;
    }
    Session session = new Session(connectionId, wire, proven);
    sessions.add(session);
    return session;
  }
}
