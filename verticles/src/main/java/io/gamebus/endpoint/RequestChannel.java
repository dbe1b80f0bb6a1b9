package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.function.Supplier;

/**
 * The {@code .request} contract of a client endpoint, once for every protocol. Each request gets
 * exactly one reply or one failure:
 * <ul>
 *   <li>400 {@code bad_message}: the body is not a JSON object, or the protocol cannot send it;</li>
 *   <li>503 {@code not_connected}: the link is down (at once), or it went down before the reply;</li>
 *   <li>429 {@code busy}: {@code maxInFlight} calls already wait for the upstream;</li>
 *   <li>504 {@code timeout}: no reply in {@code timeoutMs} (an ordered call keeps its place on
 *       the wire; only the bus request gives up);</li>
 *   <li>the protocol's own failures, mapped by {@link Protocol#reply} (e.g. DFHack's command
 *       result and text, or 502 {@code bad_reply} for an undecodable answer).</li>
 * </ul>
 *
 * @param <S> the protocol's session of the connected link
 * @param <T> a parsed request
 * @param <R> the upstream's raw answer
 */
public final class RequestChannel<S, T, R> {

  /** The protocol's hooks. */
  public interface Protocol<S, T, R> {

    /** Reads a request body before anything is sent; throws a {@link ReplyException} (400) to refuse it. */
    T parse(JsonObject body);

    /** Calls sent on this session and not yet answered. */
    int inFlight(S session);

    /** Sends the request; the future carries the upstream's answer. */
    Future<R> call(S session, T request);

    /** The bus reply for an answer; throws a {@link ReplyException} for a protocol error. */
    JsonObject reply(T request, R answer);

    /** The bus failure for a call that failed with something other than a {@link ReplyException}; null for 503. */
    default ReplyException failure(T request, Throwable cause) {
      return null;
    }
  }

  private final EndpointBus bus;
  private final Timers timers;
  private final long timeoutMs;
  private final int maxInFlight;
  private final Supplier<S> session;
  private final Supplier<String> downDetail;
  private final Protocol<S, T, R> protocol;
  private MessageConsumer<Object> consumer;

  /**
   * @param timeoutMs how long a request may wait for its answer, in ms
   * @param maxInFlight calls sent and not answered before new requests are refused with 429
   * @param session the connected link's session, null while down
   * @param downDetail the detail of a 503 while the link is down
   */
  public RequestChannel(EndpointBus bus, Timers timers, long timeoutMs, int maxInFlight, Supplier<S> session,
                        Supplier<String> downDetail, Protocol<S, T, R> protocol) {
    this.bus = bus;
    this.timers = timers;
    this.timeoutMs = timeoutMs;
    this.maxInFlight = maxInFlight;
    this.session = session;
    this.downDetail = downDetail;
    this.protocol = protocol;
  }

  /** Starts consuming {@code <endpoint>.request}. */
  public Future<Void> start() {
    consumer = bus.eventBus().consumer(bus.addresses().request(), this::handle);
    return consumer.completion();
  }

  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** Handles one request (tests drive it without a consumer). */
  void handle(Message<Object> message) {
    Once once = new Once(message, bus.metrics());
    if (!(message.body() instanceof JsonObject body)) {
      once.fail(BusError.BAD_MESSAGE.exception("the body must be a JSON object"));
      return;
    }
    T request;
    try {
      request = protocol.parse(body);
    } catch (ReplyException e) {
      once.fail(e);
      return;
    } catch (RuntimeException e) {
      once.fail(BusError.BAD_MESSAGE.exception(String.valueOf(e.getMessage())));
      return;
    }
    S current = session.get();
    if (current == null) {
      once.fail(BusError.NOT_CONNECTED.exception(downDetail.get()));
      return;
    }
    int inFlight = protocol.inFlight(current);
    if (inFlight >= maxInFlight) {
      // Past this, waiting only grows memory: the upstream is not keeping up.
      once.fail(BusError.BUSY.exception(inFlight + " calls already in flight to a server that is not keeping up"));
      return;
    }
    long timer = timers.set(timeoutMs, () -> once.fail(BusError.TIMEOUT.exception("no answer in " + timeoutMs + " ms")));
    Future<R> answer;
    try {
      answer = protocol.call(current, request);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(done -> {
      if (!timers.cancel(timer) || once.done) {
        return; // timed out already: the bus caller has its answer
      }
      if (done.succeeded()) {
        try {
          once.reply(protocol.reply(request, done.result()));
        } catch (ReplyException e) {
          once.fail(e);
        } catch (RuntimeException e) {
          // Still exactly one answer: an answer the protocol cannot map is not a usable reply.
          once.fail(BusError.BAD_REPLY.exception(String.valueOf(e.getMessage())));
        }
        return;
      }
      Throwable cause = done.cause();
      ReplyException mapped = cause instanceof ReplyException e ? e : protocol.failure(request, cause);
      once.fail(mapped != null ? mapped : BusError.NOT_CONNECTED.exception(String.valueOf(cause.getMessage())));
    });
  }

  /** Guards the one reply a request gets, and times it from arrival to answer (outcome {@code ok} or {@code error}). */
  private static final class Once {
    private final Message<Object> message;
    private final EndpointMetrics metrics;
    private final long startNanos = System.nanoTime();
    private boolean done;

    Once(Message<Object> message, EndpointMetrics metrics) {
      this.message = message;
      this.metrics = metrics;
    }

    void reply(JsonObject body) {
      if (!done) {
        done = true;
        metrics.requestDone("ok", System.nanoTime() - startNanos);
        message.reply(body);
      }
    }

    void fail(ReplyException failure) {
      if (!done) {
        done = true;
        metrics.requestDone("error", System.nanoTime() - startNanos);
        message.fail(failure.failureCode(), failure.getMessage());
      }
    }
  }
}
