package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.Handshake;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.RpcStreamDecoder;
import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.gamebus.endpoint.MessageDecoder;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.PendingCalls;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamConnection;
import io.gamebus.endpoint.UpstreamConnector;
import io.gamebus.endpoint.UpstreamProtocol;
import io.gamebus.endpoint.UpstreamSession;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.VertxException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One connection to a DFHack server, as the real {@code RemoteClient} speaks it, without the bus
 * (the client-role endpoint and the {@code dfhack-run} mode both use it); the endpoint layer opens
 * the socket and feeds it decoded frames. Calls may be in flight together: replies carry no id, so
 * a FIFO of {@link PendingCalls} matches each RESULT or FAIL to the oldest call, and TEXT to the call
 * at its head. Method ids are bound on first use and cached for this connection.
 */
public final class DfhackClientConnection implements UpstreamSession<DfhackClientConnection.Inbound> {

  /** A completed call: {@code result} 0 with the RESULT payload, or the FAIL code; the text on the way. */
  public record CallResult(int result, Buffer output, JsonArray text) {
    public boolean ok() {
      return result == CommandResult.OK.code();
    }
  }

  /** What the decoder hands the session: the server's handshake ({@code frame} null), or a frame. */
  public record Inbound(int version, RpcFrame frame) {
  }

  /** The {@code .sent} type of the QUIT request. */
  static final String QUIT = "quit";

  /** How long a server may take to answer the handshake by default, in ms; the real client would wait forever. */
  public static final long DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;

  private final String id;
  private final Wire wire;
  private final Runnable proven;
  private final Promise<Void> handshake = Promise.promise();
  private final PendingCalls<JsonArray, CallResult> pending = PendingCalls.fifo();
  private final Map<String, Future<Integer>> bound = new HashMap<>();
  private final Handler<JsonArray> onText;
  // Calls go on the wire in the order they were made, also when one waits for its bind first.
  private Future<?> lastSend = Future.succeededFuture();
  /** Calls made but held back behind a bind: not on the wire yet, but in flight all the same. */
  private int waiting;
  private boolean closed;

  private DfhackClientConnection(String id, Wire wire, Handler<JsonArray> onText, Runnable proven) {
    this.id = id;
    this.wire = wire;
    this.onText = onText;
    this.proven = proven;
  }

  /**
   * The DFHack client for the endpoint layer.
   *
   * @param maxPayloadBytes largest payload accepted from the server; a larger size header is bad input
   * @param onText every TEXT notification of a connection (given its id), also those of calls
   */
  public static UpstreamProtocol<Inbound, DfhackClientConnection> protocol(int maxPayloadBytes,
                                                                          BiConsumer<String, JsonArray> onText) {
    return new UpstreamProtocol<>() {
      @Override
      public MessageDecoder<Inbound> decoder() {
        RpcStreamDecoder decoder = RpcStreamDecoder.client(maxPayloadBytes);
        return (bytes, sink) -> {
          try {
            decoder.feed(bytes, version -> sink.accept(new Inbound(version, null)), frame -> sink.accept(new Inbound(0, frame)));
          } catch (DfhackCodecException e) {
            // A server that breaks the framing cannot be resynchronised: like the real client, give up on it.
            throw new MessageDecoder.BadInput(e.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage(), e);
          }
        };
      }

      @Override
      public DfhackClientConnection session(String connectionId, Wire wire, Runnable proven) {
        return new DfhackClientConnection(connectionId, wire, text -> onText.accept(connectionId, text), proven);
      }
    };
  }

  /**
   * Connects once and handshakes, without reconnecting (the {@code dfhack-run} mode); a peer that
   * does not answer the handshake within {@code handshakeTimeoutMs} is dropped.
   */
  public static Future<DfhackClientConnection> open(UpstreamConnector connector, int maxPayloadBytes,
                                                    Handler<JsonArray> onText, Timers timers, long handshakeTimeoutMs) {
    return UpstreamConnection.open(connector, protocol(maxPayloadBytes, (id, text) -> onText.handle(text)), "dfhack-run",
      timers, handshakeTimeoutMs, () -> { }, new UpstreamConnection.Listener() {
        @Override public void badInput(String detail) { }
        @Override public void closed() { }
      }).ready();
  }

  /** The connection's id on the bus. */
  public String id() {
    return id;
  }

  @Override
  public Future<Void> handshake() {
    wire.send(Outgoing.of(Handshake.request(), DfhackServerConnection.HANDSHAKE,
      new JsonObject().put("version", Handshake.VERSION)));
    return handshake.future();
  }

  @Override
  public void received(Inbound inbound) {
    if (inbound.frame() == null) {
      handshake.tryComplete();
      proven.run();
    } else {
      frame(inbound.frame());
    }
  }

  private void frame(RpcFrame frame) {
    PendingCalls.Call<JsonArray, CallResult> head = pending.oldest();
    if (frame.isText()) {
      JsonArray fragments;
      try {
        fragments = DfhackText.fragments(frame.payload());
      } catch (DfhackCodecException e) {
        return; // the real client prints "received invalid text data" and goes on
      }
      if (head != null) {
        head.attachment().addAll(fragments);
      }
      onText.handle(fragments);
    } else if ((frame.isResult() || frame.isFail()) && head != null) {
      // The real client turns a FAIL 0 into CR_FAILURE.
      int result = frame.isResult() ? 0 : frame.failCode() == 0 ? CommandResult.FAILURE.code() : frame.failCode();
      pending.completeOldest(new CallResult(result, frame.isResult() ? frame.payload() : Buffer.buffer(), head.attachment()));
    }
    // Other ids are read and ignored, as the real client does.
  }

  /**
   * Calls a function id with an encoded input.
   *
   * @param type the call's type on {@code .sent} (the method, as on {@code .in})
   * @param view the call on {@code .sent}: {@code {method, plugin?, input}}
   */
  private Future<CallResult> call(int id, Buffer input, String type, JsonObject view) {
    if (closed) {
      return Future.failedFuture("not connected");
    }
    if (input.length() > RpcCodes.MAX_PAYLOAD) {
      return Future.succeededFuture(new CallResult(CommandResult.LINK_FAILURE.code(), Buffer.buffer(), new JsonArray()));
    }
    PendingCalls.Call<JsonArray, CallResult> call = pending.add(new JsonArray());
    wire.send(Outgoing.of(RpcEncoder.request(id, input), type, view));
    return call.future();
  }

  /**
   * Calls a method: RunCommand at its fixed id, anything else bound by name and exact types first.
   * A call waiting for its bind holds back the calls made after it, so they reach the server in
   * the order they were made (binds themselves have no effect on the game and may go ahead).
   */
  public Future<CallResult> call(MethodSignature method, Buffer input) {
    return call(method, input, null);
  }

  /**
   * {@link #call(MethodSignature, Buffer)} with the input as JSON too, for the call's envelope on
   * {@code .sent} ({@code {method, plugin?, input}}); without it the envelope has no {@code input}.
   */
  public Future<CallResult> call(MethodSignature method, Buffer input, JsonObject inputJson) {
    JsonObject view = view(method, inputJson);
    Future<Integer> id = idOf(method);
    Promise<CallResult> result = Promise.promise();
    Future<?> previous = lastSend;
    waiting++;
    lastSend = previous.transform(v -> id).transform(bound -> {
      waiting--;
      if (bound.failed()) {
        result.fail(bound.cause());
      } else {
        call(bound.result(), input, DfhackTypeNames.of(method), view).onComplete(result);
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
      var request = method.toBindRequest();
      id = call(RpcCodes.BIND_METHOD_ID, Buffer.buffer(request.toByteArray()), CoreMethods.BIND_METHOD.method(),
          view(CoreMethods.BIND_METHOD, DfhackTypes.toJson(request))).compose(reply -> {
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

  /** A call as {@code .sent} shows it, the shape of a server's {@code .in}: {@code {method, plugin?, input}}. */
  private static JsonObject view(MethodSignature method, JsonObject input) {
    JsonObject view = new JsonObject().put("method", method.method());
    if (!method.isCore()) {
      view.put("plugin", method.plugin());
    }
    return input == null ? view : view.put("input", input);
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
      wire.send(Outgoing.of(RpcEncoder.quit(), QUIT, new JsonObject()));
    }
    return wire.close();
  }

  @Override
  public Future<Void> shutdown() {
    return quit();
  }

  public boolean isClosed() {
    return closed;
  }

  /** Calls sent and not answered, plus calls waiting behind a bind to be sent. */
  public int inFlight() {
    return pending.size() + waiting;
  }

  @Override
  public void closed(String why) {
    closed = true;
    handshake.tryFail(why);
    pending.failAll(new VertxException(why, true));
  }
}
