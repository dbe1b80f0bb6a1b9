package io.gamebus.dfhack;

import com.google.protobuf.Message;
import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.codecs.dfhack.proto.CoreBindRequest;
import io.gamebus.codecs.dfhack.proto.IntMessage;
import io.gamebus.codecs.dfhack.proto.StringMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;


/**
 * Answers one call of one connection: the built-in methods here ({@code CoreSuspend},
 * {@code CoreResume}, {@code GetVersion}, {@code GetDFVersion}), {@code BindMethod} in
 * {@link DfhackBind}, everything else through bus handlers in {@link DfhackBusCalls}. Each call
 * completes with the reply frames to write: TEXT (if any) then RESULT or FAIL.
 */
final class DfhackCalls {

  /** The {@code .sent} type of the answer to a call of an id that names no bound method. */
  static final String UNBOUND_ID = "error";

  private final DfhackServerConnection connection;
  private final DfhackServerEndpoint endpoint;
  private final MethodTable table = new MethodTable();
  private final DfhackBind bind;
  private final DfhackBusCalls handlers;
  private int suspendDepth;

  DfhackCalls(DfhackServerConnection connection, DfhackServerEndpoint endpoint) {
    this.connection = connection;
    this.endpoint = endpoint;
    this.bind = new DfhackBind(table, endpoint);
    this.handlers = new DfhackBusCalls(connection, endpoint);
  }

  /** The {@code .sent} type of the answer to a call: its method as on {@code .in}, or {@code error} for an unbound id. */
  String typeOf(RpcFrame frame) {
    MethodSignature method = table.get(frame.id());
    return method == null ? UNBOUND_ID : DfhackTypeNames.of(method);
  }

  Future<DfhackAnswer> call(RpcFrame frame) {
    MethodSignature method = table.get(frame.id());
    if (method == null) {
      connection.badInput("RPC call of invalid id " + frame.id());
      return Future.succeededFuture(DfhackErrors.invalidId(frame.id()));
    }
    // The real server checks the peer before it decodes anything.
    if (CoreMethods.loopbackOnly(method) && !"127.0.0.1".equals(connection.peerHost())) {
      return Future.succeededFuture(DfhackErrors.forbiddenHost(method, connection.peerHost()));
    }
    Message input = null;
    JsonObject json;
    try {
      if (DfhackTypes.known(method.inputType())) {
        input = DfhackTypes.parse(method.inputType(), frame.payload());
        json = DfhackTypes.toJson(input);
        DfhackByteStrings.annotate(method.inputType(), frame.payload(), json);
      } else {
        json = DfhackTypes.toJson(method.inputType(), frame.payload()); // {"bytes": "<base64>"}
      }
    } catch (DfhackCodecException e) {
      connection.badInput("In call to " + method.method() + ": " + e.reason());
      return Future.succeededFuture(DfhackErrors.undecodable(method));
    }
    connection.published(method, json);
    if (method.equals(CoreMethods.BIND_METHOD)) {
      return bind.bind((CoreBindRequest) input);
    }
    if (method.equals(CoreMethods.RUN_COMMAND)) {
      return handlers.command(json);
    }
    if (method.equals(CoreMethods.CORE_SUSPEND)) {
      return result(IntMessage.newBuilder().setValue(++suspendDepth).build());
    }
    if (method.equals(CoreMethods.CORE_RESUME)) {
      // The depth is per connection and simply dropped with it: gamebus holds no game lock.
      return suspendDepth == 0 ? Future.succeededFuture(DfhackErrors.bare(CommandResult.WRONG_USAGE))
        : result(IntMessage.newBuilder().setValue(--suspendDepth).build());
    }
    if (method.equals(CoreMethods.GET_VERSION)) {
      return result(StringMessage.newBuilder().setValue(endpoint.options().dfhackVersion()).build());
    }
    if (method.equals(CoreMethods.GET_DF_VERSION)) {
      return result(StringMessage.newBuilder().setValue(endpoint.options().dfVersion()).build());
    }
    return handlers.method(method, json);
  }

  static Future<DfhackAnswer> result(Message output) {
    return Future.succeededFuture(DfhackAnswer.result(output));
  }
}
