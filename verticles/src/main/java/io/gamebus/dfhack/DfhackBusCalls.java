package io.gamebus.dfhack;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.endpoint.HandlerCalls;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Calls answered by bus handlers ({@link DfhackHandlers}): console commands for
 * {@code RunCommand}, and every other method, each turned into exactly one answer from the
 * {@link HandlerCalls} outcome: the handler's text and result, the real server's answer for an
 * unknown command, {@code CR_NOT_IMPLEMENTED} for a method nobody implements, the handler's own
 * refusal, or {@code CR_LINK_FAILURE} when the handler does not answer in time.
 */
final class DfhackBusCalls {

  private final DfhackServerConnection connection;
  private final DfhackServerEndpoint endpoint;
  private final HandlerCalls calls;

  DfhackBusCalls(DfhackServerConnection connection, DfhackServerEndpoint endpoint) {
    this.connection = connection;
    this.endpoint = endpoint;
    this.calls = new HandlerCalls(endpoint.bus());
  }

  /** {@code input}: the JSON form of the {@code CoreRunCommandRequest}, byte-string companions included. */
  Future<DfhackAnswer> command(JsonObject input) {
    String command = input.getString("command", "");
    if (command.isEmpty()) {
      return Future.succeededFuture(DfhackErrors.bare(CommandResult.NOT_IMPLEMENTED));
    }
    JsonObject body = new JsonObject().put("connection", connection.id()).put("command", command)
      .put("arguments", input.getJsonArray("arguments", new JsonArray()));
    DfhackByteStrings.copyCompanions(input, body, "command", "arguments");
    return ask(DfhackHandlers.commandName(command), "RunCommand", body, null,
      () -> DfhackErrors.notRecognized(command));
  }

  Future<DfhackAnswer> method(MethodSignature method, JsonObject input) {
    JsonObject body = new JsonObject().put("connection", connection.id()).put("method", method.method())
      .put("plugin", method.plugin()).put("input", input);
    return ask(DfhackHandlers.methodName(method), method.method(), body, method.outputType(),
      () -> DfhackErrors.notImplemented(method.method()));
  }

  private Future<DfhackAnswer> ask(String handler, String name, JsonObject body, String outputType,
                             java.util.function.Supplier<DfhackAnswer> noHandler) {
    return calls.ask(connection.id(), handler, body, endpoint.options().handlerTimeoutMs(),
      reply -> replyFrames(name, reply, outputType)).map(outcome -> {
        if (outcome instanceof HandlerCalls.Answered<DfhackAnswer> answered) {
          return answered.value();
        }
        if (outcome instanceof HandlerCalls.Refused<DfhackAnswer> refused) {
          return DfhackErrors.refused(refused.text(), refused.code());
        }
        if (outcome instanceof HandlerCalls.Failed<DfhackAnswer> failed) {
          return failed.error() == BusError.TIMEOUT ? DfhackErrors.handlerSilent(name) : DfhackErrors.badReply(name, failed.detail());
        }
        return noHandler.get();
      });
  }

  /**
   * TEXT with the handler's fragments, then RESULT (with the output) or FAIL(result); the view on
   * {@code .sent} is the handler's own JSON, as encoded.
   */
  private static DfhackAnswer replyFrames(String name, JsonObject reply, String outputType) {
    try {
      JsonArray fragments = reply.getJsonArray("text");
      Buffer text = DfhackText.frame(fragments);
      int result = reply.getInteger("result", 0);
      if (result != CommandResult.OK.code()) {
        return DfhackAnswer.fail(text, fragments, result);
      }
      JsonObject outputJson = outputType == null ? null : reply.getJsonObject("output", new JsonObject());
      Buffer output = outputType == null ? Buffer.buffer() : DfhackTypes.payloadFromJson(outputType, outputJson);
      if (output.length() > RpcCodes.MAX_PAYLOAD) {
        return DfhackErrors.tooLarge(name, output.length());
      }
      return DfhackAnswer.result(text, fragments, output, outputJson);
    } catch (DfhackCodecException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
