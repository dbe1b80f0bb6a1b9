package io.gamebus.dfhack;

import com.google.protobuf.Message;
import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The server role's answer to one call: its frames (TEXT, if any, then RESULT or FAIL) and the
 * same answer as JSON for {@code .sent}, in the shape a bus handler replies with
 * ({@link DfhackReply}): {@code {"text":[fragments],"result":0,"output":{..}}}, {@code output}
 * only on a RESULT of a method with an output message. Built together, so nothing is decoded again.
 */
record DfhackAnswer(Buffer frames, JsonObject view) {

  /** RESULT with an output message. */
  static DfhackAnswer result(Message output) {
    return new DfhackAnswer(RpcEncoder.result(output), view(new JsonArray(), CommandResult.OK.code())
      .put("output", DfhackTypes.toJson(output)));
  }

  /**
   * TEXT (when {@code text} is not null; appended to) then RESULT with an encoded output.
   *
   * @param output the output as JSON, or null for a method without one
   */
  static DfhackAnswer result(Buffer text, JsonArray fragments, Buffer payload, JsonObject output) {
    JsonObject view = view(fragments, CommandResult.OK.code());
    if (output != null) {
      view.put("output", output);
    }
    return new DfhackAnswer(withText(text, RpcEncoder.result(payload)), view);
  }

  /** TEXT (when {@code text} is not null) then FAIL(code). */
  static DfhackAnswer fail(Buffer text, JsonArray fragments, int code) {
    return new DfhackAnswer(withText(text, RpcEncoder.fail(code)), view(fragments, code));
  }

  private static Buffer withText(Buffer text, Buffer last) {
    return text == null ? last : text.appendBuffer(last);
  }

  private static JsonObject view(JsonArray fragments, int result) {
    return new JsonObject().put("text", fragments == null ? new JsonArray() : fragments).put("result", result);
  }
}
