package io.gamebus.dfhack;

import com.google.protobuf.ByteString;
import io.gamebus.codecs.dfhack.DfhackCodecException;
import io.gamebus.codecs.dfhack.DfhackTypes;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.proto.CoreTextNotification;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Base64;

/**
 * Text fragments on the bus: {@code [{"text":"...","color":"COLOR_LIGHTRED"}]}, the JSON form of
 * {@code CoreTextNotification.fragments} (colour by name or number, absent = default colour).
 * Text that is not UTF-8 travels as {@code {"bytes":"<base64>"}} in place of {@code text}.
 */
public final class DfhackText {

  private static final String NOTIFICATION = "dfproto.CoreTextNotification";
  private static final String BYTES = "bytes";

  private DfhackText() {
  }

  /**
   * One TEXT frame with the fragments, or null when there are none. A fragment may give its text
   * as exact bytes instead, {@code {"bytes":"<base64>"}}, for text that is not UTF-8.
   */
  public static Buffer frame(JsonArray fragments) throws DfhackCodecException {
    if (fragments == null || fragments.isEmpty()) {
      return null;
    }
    JsonArray plain = new JsonArray();
    ByteString[] bytes = new ByteString[fragments.size()];
    for (int i = 0; i < fragments.size(); i++) {
      Object fragment = fragments.getValue(i);
      if (fragment instanceof JsonObject f && f.containsKey(BYTES)) {
        bytes[i] = bytes(f.getValue(BYTES), i);
        JsonObject copy = f.copy();
        copy.remove(BYTES);
        fragment = copy.put("text", "");
      }
      plain.add(fragment);
    }
    CoreTextNotification.Builder notification = ((CoreTextNotification) DfhackTypes.fromJson(NOTIFICATION,
      new JsonObject().put("fragments", plain))).toBuilder();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != null) {
        notification.setFragments(i, notification.getFragments(i).toBuilder().setTextBytes(bytes[i]));
      }
    }
    return RpcEncoder.text(notification.build());
  }

  private static ByteString bytes(Object value, int index) throws DfhackCodecException {
    try {
      if (value instanceof String base64) {
        return ByteString.copyFrom(Base64.getDecoder().decode(base64));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new DfhackCodecException(DfhackCodecException.Reason.UNDECODABLE,
      "text fragments[" + index + "].bytes: expected standard base64 text");
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
