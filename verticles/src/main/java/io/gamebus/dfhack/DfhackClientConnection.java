package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.RpcStreamDecoder;
import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection to a DFHack server, as the real {@code RemoteClient} speaks it, without the bus
 * (the client-role endpoint and the {@code dfhack-run} mode both use it). Calls may be in flight
 * together: replies carry no id, so a FIFO matches each RESULT or FAIL to the oldest call, and
 * TEXT to the call at its head. Method ids are bound on first use and cached for this connection.
 */
public final class DfhackClientConnection {

  /** A completed call: {@code result} 0 with the RESULT payload, or the FAIL code; the text on the way. */
  public record CallResult(int result, Buffer output, JsonArray text) {
    public boolean ok() {
      return result == CommandResult.OK.code();
    }
  }

  private record Pending(Promise<CallResult> promise, JsonArray text) {
  }

  private final NetSocket socket;
  private final RpcStreamDecoder decoder;
  private final Promise<Void> handshake = Promise.promise();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final Map<String, Future<Integer>> bound = new HashMap<>();
  private final Handler<JsonArray> onText;
  // Calls go on the wire in the order they were made, also when one waits for its bind first.
  private Future<?> lastSend = Future.succeededFuture();
  private boolean closed;

  private DfhackClientConnection(NetSocket socket, int maxPayloadBytes, Handler<JsonArray> onText) {
    this.socket = socket;
    this.decoder = RpcStreamDecoder.client(maxPayloadBytes);
    this.onText = onText;
  }

  /** How long a server may take to answer the handshake; the real client would wait forever. */
  public static final long HANDSHAKE_TIMEOUT_SECONDS = 10;

  /**
   * Connects and handshakes; a peer that does not answer the handshake in time is dropped.
   *
   * @param onText every TEXT notification, also those of calls (for publishing)
   * @param onClose the end of the connection, whoever ended it
   */
  public static Future<DfhackClientConnection> connect(NetClient client, String host, int port, int maxPayloadBytes,
                                                       Handler<JsonArray> onText, Handler<Void> onClose) {
    return client.connect(port, host).compose(socket -> {
      DfhackClientConnection connection = new DfhackClientConnection(socket, maxPayloadBytes, onText);
      socket.handler(connection::bytes);
      socket.exceptionHandler(e -> connection.closed(String.valueOf(e.getMessage())));
      socket.closeHandler(v -> {
        connection.closed("connection closed");
        onClose.handle(null);
      });
      socket.write(Handshake.request());
      return connection.handshake.future()
        .timeout(HANDSHAKE_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
        .onFailure(e -> socket.close())
        .map(connection);
    });
  }

  private void bytes(Buffer chunk) {
    try {
      decoder.feed(chunk, version -> handshake.tryComplete(), this::frame);
    } catch (DfhackCodecException e) {
      // A server that breaks the framing cannot be resynchronised: like the real client, give up on it.
      handshake.tryFail(e.getMessage());
      closed(e.getMessage());
      socket.close();
    }
  }

  private void frame(RpcFrame frame) {
    Pending head = pending.peek();
    if (frame.isText()) {
      JsonArray fragments;
      try {
        fragments = DfhackText.fragments(frame.payload());
      } catch (DfhackCodecException e) {
        return; // the real client prints "received invalid text data" and goes on
      }
      if (head != null) {
        head.text().addAll(fragments);
      }
      onText.handle(fragments);
    } else if ((frame.isResult() || frame.isFail()) && head != null) {
      pending.poll();
      // The real client turns a FAIL 0 into CR_FAILURE.
      int result = frame.isResult() ? 0 : frame.failCode() == 0 ? CommandResult.FAILURE.code() : frame.failCode();
      head.promise().complete(new CallResult(result, frame.isResult() ? frame.payload() : Buffer.buffer(), head.text()));
    }
    // Other ids are read and ignored, as the real client does.
  }

  /** Calls a function id with an encoded input. */
  public Future<CallResult> call(int id, Buffer input) {
    if (closed) {
      return Future.failedFuture("not connected");
    }
    if (input.length() > RpcCodes.MAX_PAYLOAD) {
      return Future.succeededFuture(new CallResult(CommandResult.LINK_FAILURE.code(), Buffer.buffer(), new JsonArray()));
    }
    Pending call = new Pending(Promise.promise(), new JsonArray());
    pending.add(call);
    socket.write(RpcEncoder.request(id, input));
    return call.promise().future();
  }

  /**
   * Calls a method: RunCommand at its fixed id, anything else bound by name and exact types first.
   * A call waiting for its bind holds back the calls made after it, so they reach the server in
   * the order they were made (binds themselves have no effect on the game and may go ahead).
   */
  public Future<CallResult> call(MethodSignature method, Buffer input) {
    Future<Integer> id = idOf(method);
    Promise<CallResult> result = Promise.promise();
    Future<?> previous = lastSend;
    lastSend = previous.transform(v -> id).transform(bound -> {
      if (bound.failed()) {
        result.fail(bound.cause());
      } else {
        call(bound.result(), input).onComplete(result);
      }
      return Future.succeededFuture();
    });
    return result.future();
  }

  /** The method's id on this connection; a failed bind fails with the server's text and code. */
  public Future<Integer> idOf(MethodSignature method) {
    if (method.equals(CoreMethods.RUN_COMMAND)) {
      return Future.succeededFuture(RpcCodes.RUN_COMMAND_ID);
    }
    if (method.equals(CoreMethods.BIND_METHOD)) {
      return Future.succeededFuture(RpcCodes.BIND_METHOD_ID);
    }
    String key = method.qualifiedName() + " " + method.inputType() + " " + method.outputType();
    Future<Integer> id = bound.get(key);
    if (id == null) {
      id = call(RpcCodes.BIND_METHOD_ID, Buffer.buffer(method.toBindRequest().toByteArray())).compose(reply -> {
        if (!reply.ok()) {
          return Future.failedFuture(new BindFailure(reply));
        }
        try {
          return Future.succeededFuture(CoreBindReply.parseFrom(reply.output().getBytes()).getAssignedId());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          return Future.failedFuture(new BindFailure(new CallResult(CommandResult.LINK_FAILURE.code(), Buffer.buffer(), reply.text())));
        }
      });
      bound.put(key, id);
      id.onFailure(e -> bound.remove(key));
    }
    return id;
  }

  /** A bind the server refused: its FAIL code and text. */
  public static final class BindFailure extends RuntimeException {
    private final transient CallResult result;

    BindFailure(CallResult result) {
      super(DfhackText.plain(result.text()).strip());
      this.result = result;
    }

    public CallResult result() {
      return result;
    }
  }

  /** Sends QUIT, as the real client does before closing. */
  public Future<Void> quit() {
    if (!closed) {
      socket.write(RpcEncoder.quit());
    }
    return socket.close();
  }

  public boolean isClosed() {
    return closed;
  }

  public int inFlight() {
    return pending.size();
  }

  private void closed(String why) {
    closed = true;
    handshake.tryFail(why);
    for (Pending call; (call = pending.poll()) != null; ) {
      call.promise().tryFail(why);
    }
  }
}
