package io.gamebus.dfhack;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.RequestChannel;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * DFHack's hooks on the {@link RequestChannel} behind {@code gamebus.dfhack.<endpoint>.request}:
 * {@code {method, plugin?, input}} (or for RunCommand {@code {method:"RunCommand", command,
 * arguments}}; for methods gamebus does not know, also {@code inputType} and {@code outputType}).
 * Replies {@code {output, text}}; a FAIL (or a refused bind) becomes a reply failure whose code is
 * the {@code command_result} and whose message is the text; an undecodable output is 502
 * {@code bad_reply}. Every completed call is published on {@code .in} (type = method).
 */
final class DfhackRequests implements RequestChannel.Protocol<DfhackClientConnection, DfhackRequests.Call,
    DfhackRequests.Outcome> {

  /** A parsed request. */
  record Call(MethodSignature method, Buffer input, JsonObject inputJson) {
  }

  /** The server's answer, with the connection it came on. */
  record Outcome(String connection, DfhackClientConnection.CallResult result) {
  }

  private final EndpointBus bus;

  DfhackRequests(EndpointBus bus) {
    this.bus = bus;
  }

  @Override
  public Call parse(JsonObject body) {
    MethodSignature method = signature(body);
    try {
      JsonObject input = input(method, body);
      return new Call(method, DfhackTypes.payloadFromJson(method.inputType(), input), input);
    } catch (DfhackCodecException e) {
      throw BusError.BAD_MESSAGE.exception(String.valueOf(e.getMessage()));
    }
  }

  @Override
  public int inFlight(DfhackClientConnection connection) {
    return connection.inFlight();
  }

  @Override
  public Future<Outcome> call(DfhackClientConnection connection, Call call) {
    return connection.call(call.method(), call.input(), call.inputJson()).map(result -> new Outcome(connection.id(), result));
  }

  @Override
  public JsonObject reply(Call call, Outcome outcome) {
    MethodSignature method = call.method();
    DfhackClientConnection.CallResult result = outcome.result();
    JsonObject published = new JsonObject().put("method", method.method()).put("result", result.result())
      .put("text", result.text());
    if (!method.isCore()) {
      published.put("plugin", method.plugin());
    }
    if (!result.ok()) {
      bus.publish(outcome.connection(), DfhackTypeNames.of(method), published);
      throw protocolFailure(result);
    }
    JsonObject output;
    try {
      output = DfhackTypes.toJson(method.outputType(), result.output());
    } catch (DfhackCodecException e) {
      throw BusError.BAD_REPLY.exception("the server's " + method.outputType() + " is undecodable: " + e.getMessage());
    }
    bus.publish(outcome.connection(), DfhackTypeNames.of(method), published.put("output", output));
    return new JsonObject().put("output", output).put("text", result.text());
  }

  @Override
  public ReplyException failure(Call call, Throwable cause) {
    return cause instanceof DfhackClientConnection.BindFailure bind ? protocolFailure(bind.result()) : null;
  }

  /** DFHack's own error: code = the command_result, message = the text (or the result's name). */
  private static ReplyException protocolFailure(DfhackClientConnection.CallResult result) {
    String text = DfhackText.plain(result.text()).strip();
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, result.result(),
      text.isEmpty() ? CommandResult.of(result.result()).wireName() : text);
  }

  private static MethodSignature signature(JsonObject body) {
    String name = body.getString("method");
    String plugin = body.getString("plugin", "");
    if (name == null) {
      throw BusError.BAD_MESSAGE.exception("method: missing");
    }
    String inputType = body.getString("inputType");
    String outputType = body.getString("outputType");
    if (inputType != null && outputType != null) {
      return new MethodSignature(plugin, name, inputType, outputType);
    }
    return CoreMethods.find(plugin, name).orElseThrow(() -> BusError.BAD_MESSAGE.exception(
      (plugin.isEmpty() ? "" : plugin + "::") + name + " is not a method gamebus knows: give inputType and outputType"));
  }

  private static JsonObject input(MethodSignature method, JsonObject body) {
    if (method.equals(CoreMethods.RUN_COMMAND) && body.containsKey("command")) {
      return new JsonObject().put("command", body.getString("command"))
        .put("arguments", body.getJsonArray("arguments", new JsonArray()));
    }
    return body.getJsonObject("input", new JsonObject());
  }
}
