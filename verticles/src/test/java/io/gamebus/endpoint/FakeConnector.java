package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/** An upstream without sockets: each attempt waits until the test opens or refuses it. */
final class FakeConnector implements UpstreamConnector {

  /** One attempt: the test opens it ({@link #open()}), refuses it, feeds it and drops it. */
  static final class Attempt {
    final Promise<Wire> result = Promise.promise();
    final Handler<Buffer> input;
    final Handler<Void> closed;
    final List<String> written = new ArrayList<>();
    boolean wireClosed;

    Attempt(Handler<Buffer> input, Handler<Void> closed) {
      this.input = input;
      this.closed = closed;
    }

    Attempt open() {
      result.complete(new Wire() {
        @Override public String transport() { return "fake"; }
        @Override public String remoteAddress() { return "fake:1"; }
        @Override public String remoteHost() { return "fake"; }
        @Override public void write(Buffer encoded) { written.add(encoded.toString()); }
        @Override public boolean writeQueueFull() { return false; }
        @Override public Future<Void> close() { drop(); return Future.succeededFuture(); }
        @Override public void pause() { }
        @Override public void resume() { }
      });
      return this;
    }

    void refuse(String why) {
      result.fail(why);
    }

    void receive(String text) {
      input.handle(Buffer.buffer(text));
    }

    /** The connection ends (either side), once. */
    void drop() {
      if (!wireClosed) {
        wireClosed = true;
        closed.handle(null);
      }
    }
  }

  final List<Attempt> attempts = new ArrayList<>();
  boolean closed;

  @Override
  public String url() {
    return "tcp://fake:1";
  }

  @Override
  public Future<Wire> connect(Handler<Buffer> input, Handler<Void> closedHandler) {
    Attempt attempt = new Attempt(input, closedHandler);
    attempts.add(attempt);
    return attempt.result.future();
  }

  Attempt last() {
    return attempts.get(attempts.size() - 1);
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return Future.succeededFuture();
  }
}
