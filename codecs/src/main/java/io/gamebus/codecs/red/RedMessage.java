package io.gamebus.codecs.red;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * One JSON-RPC 2.0 message as Red's server (aiohttp-json-rpc 0.13.3) sends and reads it: a
 * {@link Request}, a {@link Notification}, a {@link Result} or an {@link ErrorReply}. Each is a
 * typed view over its JSON object, which is the bus form: a decoded message keeps every member it
 * arrived with, unknown ones included, and {@link #encode()} writes them all back. The factories
 * put the members in the order Red writes them. A message is immutable only as long as nobody
 * changes its {@link #json()}.
 */
public sealed interface RedMessage {

  /** The value of {@code jsonrpc} in every message. */
  String VERSION = "2.0";

  /** The message as a JSON object: the bus form, not a copy. */
  JsonObject json();

  /**
   * The text of one WebSocket text frame, laid out as Red's server writes it ({@code ", "} and
   * {@code ": "}, non-ASCII escaped); not size-limited.
   *
   * @throws IllegalArgumentException when a value is not JSON-serialisable (Red answers -32603)
   */
  default String encode() {
    return PythonJson.encode(json());
  }

  /** The {@code id} member, or null when absent or null. */
  default Object id() {
    return json().getMap().get("id");
  }

  /** A Request's or Notification's members. */
  abstract class MethodView extends JsonView {
    MethodView(JsonObject json) {
      super(json);
    }

    /** {@code {"jsonrpc": "2.0", "method": …[, "id": …][, "params": …]}}, as Red's encode_request. */
    static JsonObject call(String method, Object id, Object params) {
      LinkedHashMap<String, Object> m = start();
      m.put("method", Objects.requireNonNull(method, "method"));
      if (id != null) {
        m.put("id", id);
      }
      if (params != null) {
        m.put("params", params);
      }
      return new JsonObject(m);
    }

    /** The method name (a topic, in a server's notification). */
    public String method() {
      return (String) json().getMap().get("method");
    }

    /** The {@code params} member as sent (array, object or scalar; a notification's data), null when absent or null. */
    public Object params() {
      return json().getMap().get("params");
    }
  }

  /** A call with an id: from a client to the server, or (never in stock Red) from the server to a client. */
  final class Request extends MethodView implements RedMessage {

    Request(JsonObject json) {
      super(json);
    }

    /**
     * {@code {"jsonrpc": "2.0", "method": …, "id": …, "params": …}}, params left out when null.
     *
     * @param id any JSON value but null
     */
    public static Request of(Object id, String method, Object params) {
      Objects.requireNonNull(id, "a request's id must not be null: Red refuses notifications");
      return new Request(call(method, id, params));
    }
  }

  /** A call without an id: a topic message from the server ({@code method} = topic, {@code params} = data). */
  final class Notification extends MethodView implements RedMessage {

    Notification(JsonObject json) {
      super(json);
    }

    /** {@code {"jsonrpc": "2.0", "method": topic, "params": data}}, params left out when null (as Red). */
    public static Notification of(String topic, Object data) {
      return new Notification(call(topic, null, data));
    }
  }

  /** A successful reply. */
  final class Result extends JsonView implements RedMessage {

    Result(JsonObject json) {
      super(json);
    }

    /** {@code {"jsonrpc": "2.0", "id": id, "result": result}}; a null result is written as null. */
    public static Result of(Object id, Object result) {
      LinkedHashMap<String, Object> m = start();
      m.put("id", id);
      m.put("result", result);
      return new Result(new JsonObject(m));
    }

    /** The result value (any JSON value, null included): the body of the bus reply. */
    public Object result() {
      return json().getMap().get("result");
    }
  }

  /** A failed reply; its id is null (and absent on the wire) when the request's id was unknown. */
  final class ErrorReply extends JsonView implements RedMessage {
    private final RedError error;

    ErrorReply(JsonObject json, RedError error) {
      super(json);
      this.error = error;
    }

    /**
     * {@code {"jsonrpc": "2.0", "error": {"code": …, "message": …[, "data": …]}, "id": …}}, as
     * Red writes it: data only when not null, id only when not null.
     */
    public static ErrorReply of(Object id, RedError error) {
      LinkedHashMap<String, Object> e = new LinkedHashMap<>();
      e.put("code", error.code());
      e.put("message", error.message());
      if (error.data() != null) {
        e.put("data", error.data());
      }
      LinkedHashMap<String, Object> m = start();
      m.put("error", new JsonObject(e));
      if (id != null) {
        m.put("id", id);
      }
      return new ErrorReply(new JsonObject(m), error);
    }

    /** Code, message and data. */
    public RedError error() {
      return error;
    }
  }

  private static LinkedHashMap<String, Object> start() {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>(8);
    m.put("jsonrpc", VERSION);
    return m;
  }
}
