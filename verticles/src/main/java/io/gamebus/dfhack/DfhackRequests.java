package io.gamebus.dfhack;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code gamebus.dfhack.<endpoint>.request}: {@code {method, plugin?, input}} (or for RunCommand
 * {@code {method:"RunCommand", command, arguments}}; for methods gamebus does not know, also
 * {@code inputType} and {@code outputType}). Replies {@code {output, text}}; a FAIL becomes a
 * reply failure whose code is the {@code command_result} and whose message is the text.
 */
final class DfhackRequests {

  private final DfhackClientEndpoint endpoint;

  DfhackRequests(DfhackClientEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  void handle(Message<Object> request) {
    if (!(request.body() instanceof JsonObject body)) {
      fail(request, BusError.BAD_MESSAGE.exception("the body must be a JSON object"));
      return;
    }
    MethodSignature method;
    Buffer input;
    try {
      method = signature(body);
      input = DfhackTypes.payloadFromJson(method.inputType(), input(method, body));
    } catch (ReplyException e) {
      request.fail(e.failureCode(), e.getMessage());
      return;
    } catch (DfhackCodecException | ClassCastException | NullPointerException e) {
      fail(request, BusError.BAD_MESSAGE.exception(String.valueOf(e.getMessage())));
      return;
    }
    DfhackClientConnection connection = endpoint.connectionOrFail(request);
    if (connection == null) {
      return;
    }
    if (connection.inFlight() >= endpoint.options().maxInFlight()) {
      // DFHack answers one call at a time and may be paused; past this, waiting only grows memory.
      fail(request, BusError.BUSY.exception(connection.inFlight() + " calls already in flight to a server that is not keeping up"));
      return;
    }
    String id = endpoint.connectionId();
    long timer = endpoint.vertx().setTimer(endpoint.options().requestTimeoutMs(), t ->
      // The call keeps its place in the FIFO; only the bus request gives up.
      fail(request, BusError.TIMEOUT.exception(method.qualifiedName() + " did not complete in time")));
    connection.call(method, input).onComplete(done -> {
      if (!endpoint.vertx().cancelTimer(timer)) {
        return;
      }
      if (done.failed()) {
        if (done.cause() instanceof DfhackClientConnection.BindFailure bind) {
          request.fail(bind.result().result(), message(bind.result()));
        } else {
          fail(request, BusError.NOT_CONNECTED.exception(String.valueOf(done.cause().getMessage())));
        }
        return;
      }
      DfhackClientConnection.CallResult result = done.result();
      JsonObject published = new JsonObject().put("method", method.method()).put("result", result.result())
        .put("text", result.text());
      if (!method.isCore()) {
        published.put("plugin", method.plugin());
      }
      if (!result.ok()) {
        endpoint.bus().publish(id, DfhackTypeNames.of(method), published);
        request.fail(result.result(), message(result));
        return;
      }
      try {
        JsonObject output = DfhackTypes.toJson(method.outputType(), result.output());
        endpoint.bus().publish(id, DfhackTypeNames.of(method), published.put("output", output));
        request.reply(new JsonObject().put("output", output).put("text", result.text()));
      } catch (DfhackCodecException e) {
        fail(request, BusError.BAD_REPLY.exception("the server's " + method.outputType() + " is undecodable: " + e.getMessage()));
      }
    });
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

  private static String message(DfhackClientConnection.CallResult result) {
    String text = DfhackText.plain(result.text()).strip();
    return text.isEmpty() ? io.gamebus.codecs.dfhack.CommandResult.of(result.result()).wireName() : text;
  }

  private static void fail(Message<?> request, ReplyException failure) {
    request.fail(failure.failureCode(), failure.getMessage());
  }
}
