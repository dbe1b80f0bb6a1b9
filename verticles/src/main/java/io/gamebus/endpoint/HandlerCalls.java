package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.gamebus.bus.StatusEvent;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * The one way an endpoint asks a bus handler at {@code <base>.handle.<name>} for an answer to a
 * peer's call. Every call completes (never fails) with exactly one {@link Outcome}: answered,
 * no handler, refused by the handler with a code and text, or failed (timed out, or the reply
 * could not be used). A failed call publishes {@link StatusEvent#HANDLER_FAILED} once, here; the
 * protocol turns the outcome into its own wire answer.
 */
public final class HandlerCalls {

  /** What became of one handler call. */
  public sealed interface Outcome<T> permits Answered, NoHandler, Refused, Failed {
  }

  /** The handler answered; {@code value} is its reply as the caller's reader made it. */
  public record Answered<T>(T value) implements Outcome<T> {
  }

  /** Nobody registered a handler at that address (anywhere in the cluster). */
  public record NoHandler<T>() implements Outcome<T> {
  }

  /**
   * The handler failed the call on purpose ({@code message.fail(code, text)}, or threw): its own
   * code and words, meant for the peer. {@code text} may be empty.
   */
  public record Refused<T>(int code, String text) implements Outcome<T> {
  }

  /**
   * The handler did not answer in time ({@link BusError#TIMEOUT}) or its answer could not be used
   * ({@link BusError#BAD_REPLY}: not a JSON object, or refused by the reader). {@code detail}
   * reads after "the handler's", e.g. {@code reply is invalid: ...}.
   */
  public record Failed<T>(BusError error, String detail) implements Outcome<T> {
  }

  private final EndpointBus bus;

  public HandlerCalls(EndpointBus bus) {
    this.bus = bus;
  }

  /** {@link #ask(String, String, JsonObject, long, Function)} keeping the reply as it came. */
  public Future<Outcome<JsonObject>> ask(String connection, String name, JsonObject body, long timeoutMs) {
    return ask(connection, name, body, timeoutMs, Function.identity());
  }

  /**
   * Asks the handler {@code name} of this endpoint.
   *
   * @param connection the peer's connection id, for the status event (may be null)
   * @param timeoutMs  how long the handler may take, in milliseconds
   * @param reader     turns the JSON reply into what the protocol needs; an exception it throws
   *                   makes the outcome {@link Failed} with {@link BusError#BAD_REPLY}
   */
  public <T> Future<Outcome<T>> ask(String connection, String name, JsonObject body, long timeoutMs,
                                    Function<JsonObject, T> reader) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs);
    long startNanos = System.nanoTime();
    return bus.eventBus().request(bus.addresses().handle(name), body, options).transform(done -> {
      Outcome<T> outcome;
      if (done.succeeded()) {
        outcome = read(done.result().body(), reader);
      } else if (done.cause() instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
        outcome = new NoHandler<>();
      } else if (done.cause() instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        outcome = new Refused<>(reply.failureCode(), reply.getMessage() == null ? "" : reply.getMessage());
      } else if (done.cause() instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT) {
        outcome = new Failed<>(BusError.TIMEOUT, "no answer within " + timeoutMs + " ms");
      } else {
        outcome = new Failed<>(BusError.BAD_REPLY, "reply failed: " + done.cause().getMessage());
      }
      bus.metrics().handlerCallDone(outcomeName(outcome), System.nanoTime() - startNanos);
      if (outcome instanceof Failed<T> failed) {
        bus.status(connection, StatusEvent.HANDLER_FAILED, name + ": " + failed.error().wireName() + ": " + failed.detail());
      }
      return Future.succeededFuture(outcome);
    });
  }

  /** The {@code outcome} label of the handler-call timer: a closed set. */
  static String outcomeName(Outcome<?> outcome) {
    if (outcome instanceof Answered<?>) {
      return "answered";
    }
    if (outcome instanceof NoHandler<?>) {
      return "no_handler";
    }
    return outcome instanceof Refused<?> ? "refused" : "failed";
  }

  private static <T> Outcome<T> read(Object reply, Function<JsonObject, T> reader) {
    if (!(reply instanceof JsonObject json)) {
      return new Failed<>(BusError.BAD_REPLY, "reply is not a JSON object");
    }
    try {
      return new Answered<>(reader.apply(json));
    } catch (RuntimeException e) {
      return new Failed<>(BusError.BAD_REPLY, "reply is invalid: " + e.getMessage());
    }
  }
}
