package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.TextColor;
import io.gamebus.codecs.dfhack.proto.CoreTextNotification;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Text fragments on the bus: {@code [{"text":"...","color":"COLOR_LIGHTRED"}]}, the JSON form of
 * {@code CoreTextNotification.fragments} (colour by name or number, absent = default colour).
 */
public final class DfhackText {

  private static final String NOTIFICATION = "dfproto.CoreTextNotification";

  private DfhackText() {
  }

  /** One TEXT frame with the fragments, or null when there are none. */
  public static Buffer frame(JsonArray fragments) throws DfhackCodecException {
    if (fragments == null || fragments.isEmpty()) {
      return null;
    }
    CoreTextNotification notification = (CoreTextNotification) DfhackTypes.fromJson(NOTIFICATION,
      new JsonObject().put("fragments", fragments));
    return RpcEncoder.text(notification);
  }

  /** The TEXT frame the real server sends for its own errors: one line in LIGHTRED. */
  public static Buffer error(String line) {
    return RpcEncoder.text(line.endsWith("\n") ? line : line + "\n", TextColor.LIGHTRED);
  }

  public static JsonArray fragments(Buffer textPayload) throws DfhackCodecException {
    JsonObject json = DfhackTypes.toJson(NOTIFICATION, textPayload);
    return json.getJsonArray("fragments", new JsonArray());
  }

  /** The plain text of fragments, as dfhack-run prints it. */
  public static String plain(JsonArray fragments) {
    StringBuilder text = new StringBuilder();
    for (Object fragment : fragments) {
      if (fragment instanceof JsonObject f && f.getValue("text") instanceof String s) {
        text.append(s);
      }
    }
    return text.toString();
  }
}
