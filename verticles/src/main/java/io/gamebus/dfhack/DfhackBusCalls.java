package io.gamebus.dfhack;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Calls answered by bus handlers ({@link DfhackHandlers}): console commands for
 * {@code RunCommand}, and every other method. Exactly one reply per call: the handler's text and
 * result, the real server's answer for an unknown command, or {@code CR_LINK_FAILURE} when the
 * handler does not answer in time.
 */
final class DfhackBusCalls {

  private final DfhackServerConnection connection;
  private final DfhackServerEndpoint endpoint;

  DfhackBusCalls(DfhackServerConnection connection, DfhackServerEndpoint endpoint) {
    this.connection = connection;
    this.endpoint = endpoint;
  }

  Future<Buffer> command(CoreRunCommandRequest request) {
    String command = request.getCommand();
    if (command.isEmpty()) {
      return Future.succeededFuture(RpcEncoder.fail(CommandResult.NOT_IMPLEMENTED));
    }
    JsonObject body = new JsonObject().put("connection", connection.id()).put("command", command)
      .put("arguments", new JsonArray(request.getArgumentsList()));
    return ask(DfhackHandlers.commandAddress(endpoint.bus().addresses(), command), body)
      .compose(reply -> replyFrames("RunCommand", reply, null))
      .recover(failure -> noHandler(failure)
        ? DfhackCalls.failed(command + " is not a recognized command.", CommandResult.NOT_IMPLEMENTED)
        : handlerFailed("RunCommand", failure));
  }

  Future<Buffer> method(MethodSignature method, JsonObject input) {
    JsonObject body = new JsonObject().put("connection", connection.id()).put("method", method.method())
      .put("plugin", method.plugin()).put("input", input);
    return ask(DfhackHandlers.methodAddress(endpoint.bus().addresses(), method), body)
      .compose(reply -> replyFrames(method.method(), reply, method.outputType()))
      .recover(failure -> noHandler(failure)
        ? DfhackCalls.failed("In call to " + method.method() + ": no bus handler implements it", CommandResult.NOT_IMPLEMENTED)
        : handlerFailed(method.method(), failure));
  }

  /** A handler's answer must be a JSON object; anything else is an invalid reply, not a silence. */
  private Future<JsonObject> ask(String address, JsonObject body) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(endpoint.options().handlerTimeoutMs());
    return endpoint.bus().eventBus().request(address, body, options).map(reply -> reply.body() instanceof JsonObject json
      ? json : new JsonObject().put("result", 1).put("text", new JsonArray().add(new JsonObject()
        .put("text", "the bus handler's reply is not a JSON object\n"))));
  }

  /** TEXT with the handler's fragments, then RESULT (with the output) or FAIL(result). */
  private Future<Buffer> replyFrames(String name, JsonObject reply, String outputType) {
    try {
      Buffer frames = Buffer.buffer();
      Buffer text = DfhackText.frame(reply == null ? null : reply.getJsonArray("text"));
      if (text != null) {
        frames.appendBuffer(text);
      }
      int result = reply == null ? 0 : reply.getInteger("result", 0);
      if (result != CommandResult.OK.code()) {
        return Future.succeededFuture(frames.appendBuffer(RpcEncoder.fail(result)));
      }
      Buffer output = outputType == null ? Buffer.buffer()
        : DfhackTypes.payloadFromJson(outputType, reply.getJsonObject("output", new JsonObject()));
      if (output.length() > RpcCodes.MAX_PAYLOAD) {
        return DfhackCalls.failed("In call to " + name + ": reply too large: " + output.length() + ".", CommandResult.LINK_FAILURE);
      }
      return Future.succeededFuture(frames.appendBuffer(RpcEncoder.result(output)));
    } catch (DfhackCodecException | ClassCastException e) {
      connection.badInput("handler reply for " + name + ": " + e.getMessage());
      return DfhackCalls.failed("In call to " + name + ": the bus handler's reply is invalid: " + e.getMessage(),
        CommandResult.FAILURE);
    }
  }

  private static boolean noHandler(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
  }

  /** A handler's own failure carries its command_result and text; a timeout is a link failure. */
  private Future<Buffer> handlerFailed(String name, Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      int code = reply.failureCode() == 0 ? CommandResult.FAILURE.code() : reply.failureCode();
      Buffer frames = reply.getMessage() == null || reply.getMessage().isEmpty() ? Buffer.buffer()
        : DfhackText.error(reply.getMessage());
      return Future.succeededFuture(frames.appendBuffer(RpcEncoder.fail(code)));
    }
    endpoint.bus().status(connection.id(), StatusEvent.HANDLER_FAILED, name + ": " + failure.getMessage());
    return DfhackCalls.failed("In call to " + name + ": the bus handler did not answer", CommandResult.LINK_FAILURE);
  }
}
