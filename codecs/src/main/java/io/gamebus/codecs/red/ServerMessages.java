package io.gamebus.codecs.red;

import io.gamebus.codecs.red.RedCodecException.Reason;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Notification;
import io.gamebus.codecs.red.RedMessage.Request;
import io.gamebus.codecs.red.RedMessage.Result;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.Map;

/**
 * Classifies an object a server sent. Strict only where matching needs it ({@code jsonrpc},
 * the kind, an error's code and message); members it does not know are left in place.
 */
final class ServerMessages {

  private ServerMessages() {}

  static RedMessage read(JsonObject json) {
    Map<String, Object> m = json.getMap();
    if (!RedMessage.VERSION.equals(m.get("jsonrpc"))) {
      throw notRpc("jsonrpc: expected \"2.0\", got " + show(m.get("jsonrpc")));
    }
    Object method = m.get("method");
    if (method != null) {
      if (!(method instanceof String)) {
        throw notRpc("method: expected a string, got " + show(method));
      }
      return m.get("id") != null ? new Request(json) : new Notification(json);
    }
    if (m.containsKey("error")) {
      return new ErrorReply(json, error(m.get("error")));
    }
    if (m.containsKey("result")) {
      if (!m.containsKey("id")) {
        throw notRpc("id: required in a result");
      }
      return new Result(json);
    }
    throw notRpc("neither method, result nor error");
  }

  private static RedError error(Object value) {
    if (!(value instanceof JsonObject e)) {
      throw notRpc("error: expected an object, got " + show(value));
    }
    Object code = e.getValue("code");
    if (!(code instanceof Integer || code instanceof Long && (Long) code == ((Long) code).intValue())) {
      throw notRpc("error.code: expected an integer, got " + show(code));
    }
    Object message = e.getValue("message");
    if (!(message instanceof String)) {
      throw notRpc("error.message: expected a string, got " + show(message));
    }
    return new RedError(((Number) code).intValue(), (String) message, e.getValue("data"));
  }

  private static String show(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return s.length() <= 64 ? '"' + s + '"' : '"' + s.substring(0, 64) + "…\"";
    }
    if (v instanceof Number && !(v instanceof BigInteger) || v instanceof Boolean) {
      return v.toString();
    }
    return v instanceof JsonObject ? "an object" : v instanceof BigInteger ? "a big number" : "an array";
  }

  private static RedCodecException notRpc(String message) {
    return new RedCodecException(Reason.NOT_JSON_RPC, message);
  }
}
