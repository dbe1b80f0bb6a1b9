package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.TextColor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Base64;

/**
 * What a DFHack bus handler answers: text fragments (printed by the client before the result),
 * a {@code command_result} and, for methods, the output message as JSON. Its JSON form is the
 * reply body: {@code {"text":[{"text":"..","color":"COLOR_LIGHTGREEN"}],"result":0,"output":{..}}}
 * (a fragment may carry {@code "bytes"}, base64, in place of {@code "text"}).
 * A handler may also fail the bus message with the {@code command_result} as failure code and the
 * text as message.
 */
public final class DfhackReply {

  private final JsonArray text = new JsonArray();
  private int result = CommandResult.OK.code();
  private JsonObject output;

  public static DfhackReply ok() {
    return new DfhackReply();
  }

  /** Adds text in the default colour. */
  public DfhackReply print(String text) {
    this.text.add(new JsonObject().put("text", text));
    return this;
  }

  /** Adds text in one of {@link TextColor}'s colours ({@link TextColor#RESET} = the default colour). */
  public DfhackReply print(String text, int color) {
    // The wire has no RESET value: the default colour is an absent colour.
    if (color == TextColor.RESET) {
      return print(text);
    }
    this.text.add(new JsonObject().put("text", text).put("color", TextColor.name(color)));
    return this;
  }

  /**
   * Adds text as exact bytes, for text that is not UTF-8 (e.g. arguments a client sent in another
   * encoding, see {@link DfhackByteStrings}); on the bus it is {@code {"bytes":"<base64>"}}.
   */
  public DfhackReply print(byte[] text, int color) {
    JsonObject fragment = new JsonObject().put("bytes", Base64.getEncoder().encodeToString(text));
    if (color != TextColor.RESET) {
      fragment.put("color", TextColor.name(color));
    }
    this.text.add(fragment);
    return this;
  }

  public DfhackReply result(CommandResult result) {
    this.result = result.code();
    return this;
  }

  /** The output message of a method, as JSON with the {@code .proto} field names. */
  public DfhackReply output(JsonObject output) {
    this.output = output;
    return this;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("text", text).put("result", result);
    if (output != null) {
      json.put("output", output);
    }
    return json;
  }
}
