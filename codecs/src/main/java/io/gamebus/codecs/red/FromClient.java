package io.gamebus.codecs.red;

import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Request;
import io.vertx.core.json.JsonObject;

/**
 * What the server role does with one text frame from a client, decided as Red's server decides it
 * (red.md §3, §4, §9): {@link Call} a method, send an error {@link Reply}, {@link Ignore} the frame
 * (send nothing), or {@link Close} the connection without a reply. Every variant names the
 * {@link Rule} that decided it, for logs and {@code .status}.
 */
public sealed interface FromClient {

  /** The row of the validation that decided, in the order the rows are checked. */
  Rule rule();

  /**
   * A valid request: look the method up (unknown → {@link RedError#METHOD_NOT_FOUND}), bind its
   * params ({@link RedSignature#bind}) and answer exactly once, echoing {@code request.id()}.
   */
  record Call(Request request) implements FromClient {
    @Override
    public Rule rule() {
      return Rule.REQUEST;
    }
  }

  /** Send {@code reply.encode()} as a text frame; the connection stays open. */
  record Reply(ErrorReply reply, Rule rule) implements FromClient {}

  /**
   * Send nothing; the connection stays open. {@code frame} is the decoded object when there is one
   * (a client's result: the id and result of a server → client call, which gamebus never makes).
   */
  record Ignore(Rule rule, JsonObject frame) implements FromClient {}

  /** Close the WebSocket with {@code status} (1009 or 1007) and an empty reason; send no reply. */
  record Close(int status, Rule rule) implements FromClient {}

  /** The rows of red.md §4 (and the framing rules of §3 and §9), in the order they are checked. */
  enum Rule {
    /** The frame has more bytes than the limit: close 1009, as aiohttp does past {@code max_msg_size}. */
    TOO_LARGE,
    /** The frame is not UTF-8: close 1007, as aiohttp does for a bad text frame. */
    NOT_UTF8,
    /** Not valid JSON (a leading byte-order mark included): -32700, no id. */
    NOT_JSON,
    /** Valid JSON but not an object (a batch array, a string, a number, ...): no reply. */
    NOT_OBJECT,
    /** {@code jsonrpc} missing or not exactly {@code "2.0"}: -32600 with the message's id if any. */
    BAD_VERSION,
    /** Not exactly one of {@code method}, {@code result}, {@code error}: -32600 with the id if any. */
    NOT_ONE_KIND,
    /** {@code method} is not a string: -32600, no id. */
    METHOD_NOT_STRING,
    /** A request without {@code id} or with {@code id: null} (a notification): -32600, no id. */
    NOTIFICATION,
    /** A {@code result} or {@code error} without an {@code id} member: -32600, no id. */
    RESPONSE_WITHOUT_ID,
    /**
     * A client-sent {@code error}: -32600 with the id if not null; no reply when its {@code code}
     * is an array or object (Python fails on the unhashable code).
     */
    CLIENT_ERROR,
    /** A client-sent {@code result}: no reply (it answers no pending server → client call). */
    CLIENT_RESULT,
    /** A valid request. */
    REQUEST
  }
}
