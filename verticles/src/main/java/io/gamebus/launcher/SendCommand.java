package io.gamebus.launcher;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.net.URI;
import java.util.Set;
import java.util.UUID;

/**
 * {@code send ADDRESS JSON [--header k=v]... [--url URL] [--token JWT] [--timeout SECONDS]}: sends
 * one message through a running node's browser bridge as a request and prints the reply's body as
 * one JSON line. Exit codes: 0 a reply came; 1 the bus answered with a failure (printed with its
 * code and type, e.g. {@code failed: 404 RECIPIENT_FAILURE: unknown-connection: ...}), the bridge
 * refused (its err frame's message, e.g. a permission refusal), the node could not be reached, or
 * no answer came in time; 2 a bad command line.
 */
final class SendCommand {

  static final String USAGE = "usage: java -jar gamebus.jar send ADDRESS JSON [--header NAME=VALUE]... [--url "
    + BridgeLine.DEFAULT_URL + "] [--token JWT] [--timeout SECONDS]";
  static final int DEFAULT_TIMEOUT_SECONDS = 30;

  private SendCommand() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CommandArgs parsed;
    JsonObject frame;
    int timeoutSeconds;
    try {
      parsed = CommandArgs.parse(args, Set.of("--url", "--token", "--timeout"), Set.of("--header"));
      if (parsed.positional().size() != 2) {
        throw new IllegalArgumentException("ADDRESS and JSON are needed, and nothing else");
      }
      timeoutSeconds = Integer.parseInt(parsed.option("--timeout", String.valueOf(DEFAULT_TIMEOUT_SECONDS)));
      if (timeoutSeconds < 1) {
        throw new IllegalArgumentException("--timeout is at least 1 second");
      }
      frame = new JsonObject().put("type", "send").put("address", parsed.positional().get(0))
        .put("body", body(parsed.positional().get(1)))
        .put("replyAddress", "gamebus-cli." + UUID.randomUUID());
      JsonObject headers = headers(parsed);
      if (!headers.isEmpty()) {
        frame.put("headers", headers);
      }
    } catch (IllegalArgumentException e) {
      err.println("gamebus send: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      return send(vertx, parsed.url(), parsed.option("--token", null), frame, timeoutSeconds, out, err);
    } finally {
      vertx.close();
    }
  }

  private static int send(Vertx vertx, URI url, String token, JsonObject frame, int timeoutSeconds, PrintStream out,
                          PrintStream err) {
    String replyAddress = frame.getString("replyAddress");
    Promise<Integer> done = Promise.promise();
    BridgeLine.connect(vertx, url, token, answer -> {
      if (!replyAddress.equals(answer.getString("address")) && !"err".equals(answer.getString("type"))) {
        return;
      }
      if ("err".equals(answer.getString("type"))) {
        // A reply failure carries the bus's code; a bridge refusal its own code and why.
        err.println("gamebus send: failed: " + answer.getValue("failureCode") + " " + answer.getValue("failureType")
          + ": " + answer.getString("message", String.valueOf(answer.getValue("body"))));
        done.tryComplete(1);
      } else {
        out.println(Json.encode(answer.getValue("body")));
        out.flush();
        done.tryComplete(0);
      }
    }, why -> {
      if (!done.future().isComplete()) { // not our own close, once done
        done.tryComplete(failed(err, "the node closed the bridge socket: " + why));
      }
    })
      .onSuccess(line -> line.send(frame))
      .onFailure(e -> done.tryComplete(failed(err, "cannot reach the bridge at " + url + ": " + e.getMessage())));
    vertx.setTimer(timeoutSeconds * 1000L, t -> {
      if (!done.future().isComplete()) {
        done.tryComplete(failed(err, "no answer within " + timeoutSeconds + " s"));
      }
    });
    try {
      return done.future().await();
    } catch (Exception e) {
      return failed(err, e.getMessage());
    }
  }

  private static int failed(PrintStream err, String why) {
    err.println("gamebus send: " + why);
    return 1;
  }

  /** The message: any JSON value (an object, an array, a string in quotes, a number). */
  private static Object body(String text) {
    try {
      return Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("JSON is not JSON: " + e.getMessage());
    }
  }

  private static JsonObject headers(CommandArgs parsed) {
    JsonObject headers = new JsonObject();
    for (String header : parsed.all("--header")) {
      int eq = header.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("--header " + header + " is not NAME=VALUE");
      }
      headers.put(header.substring(0, eq), header.substring(eq + 1));
    }
    return headers;
  }
}
