package io.gamebus.red;

import io.gamebus.codecs.red.FromClient;
import io.gamebus.codecs.red.Outcome;
import io.gamebus.codecs.red.RedBuiltins;
import io.gamebus.codecs.red.RedError;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Request;
import io.gamebus.codecs.red.RedMessage.Result;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.ReadyAnswers;
import io.gamebus.endpoint.ServerConnection;
import io.gamebus.endpoint.ServerLink;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One client WebSocket of the server role, doing with each text frame what Red's server does:
 * validated by the codec; a call published on {@code .in} (type = method) and answered exactly
 * once, in its own time (answers may overtake each other, as in Red); envelope errors answered
 * with Red's error; batches, client results and binary frames left unanswered; oversize and
 * invalid UTF-8 closed with 1009 and 1007. Every frame that is not a valid call is counted as bad
 * input and announced on {@code .status}. Subscriptions live here.
 */
final class RedServerConnection implements ServerConnection {

  /** The {@code .sent} type of an error answer to a frame that was not a readable call (it names no method). */
  static final String UNREADABLE_CALL = "error";

  private final ServerLink link;
  private final RedServerEndpoint endpoint;
  private final EndpointBus bus;
  private final Set<String> subscriptions = new LinkedHashSet<>();
  private final ReadyAnswers<Outgoing> answers;
  private int inFlight;

  RedServerConnection(ServerLink link, RedServerEndpoint endpoint) {
    this.link = link;
    this.endpoint = endpoint;
    this.bus = link.bus();
    this.answers = new ReadyAnswers<>(link, link::write);
  }

  @Override
  public ServerLink link() {
    return link;
  }

  boolean subscribed(String topic) {
    return subscriptions.contains(topic);
  }

  /** One whole text message as its bytes (the listener delivers text undecoded). */
  @Override
  public void input(Buffer data) {
    if (link.isClosed() || !link.admit()) {
      return;
    }
    FromClient decided = endpoint.codec().decodeFromClient(data);
    if (decided instanceof FromClient.Call call) {
      call(call.request(), data.length());
    } else if (decided instanceof FromClient.Reply reply) {
      bus.badInput(id(), rule(decided) + ": answered " + reply.reply().error().code());
      // No method to name it by: an answer to a call that could not be read.
      answer(Outgoing.ofText(reply.reply().encode(), UNREADABLE_CALL, reply.reply().json()));
    } else if (decided instanceof FromClient.Close close) {
      bus.badInput(id(), rule(decided) + ": connection closed with " + close.status() + ", as Red does");
      link.close(close.status(), "");
    } else {
      bus.badInput(id(), rule(decided) + ": not answered, as Red does");
    }
  }

  private static String rule(FromClient decided) {
    return "red " + decided.rule().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  @Override
  public void binaryInput(Buffer data) {
    // Red ignores binary frames without a word; gamebus counts and announces them.
    bus.badInput(id(), "binary frame of " + data.length() + " bytes ignored: Red reads text frames only");
  }

  /**
   * Publishes the call and answers it when its answer is ready. What waits is bounded by count
   * ({@code maxInFlightPerConnection}) and by bytes (the layer's backlog bound): past either,
   * reading stops until answers go out.
   */
  private void call(Request request, int size) {
    bus.publish(id(), request.method(), request.json());
    int max = endpoint.options().maxInFlightPerConnection();
    link.queued(size);
    if (++inFlight == max) {
      link.hold();
    }
    Future<Outgoing> answer;
    try {
      answer = RedBuiltins.isBuiltin(request.method()) ? builtin(request) : endpoint.call(id(), request);
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(done -> {
      link.unqueued(size);
      if (inFlight-- == max) {
        link.release();
      }
      answer(done.succeeded() ? done.result() : RedServerEndpoint.answer(request, ErrorReply.of(request.id(), RedError.INTERNAL_ERROR)));
    });
  }

  private Future<Outgoing> builtin(Request request) {
    return switch (request.method()) {
      case RedBuiltins.GET_METHODS -> endpoint.methodNames().map(names -> result(request, names));
      case RedBuiltins.GET_TOPICS -> endpoint.freshTopics().map(topics -> result(request, new ArrayList<>(topics)));
      case RedBuiltins.GET_SUBSCRIPTIONS -> Future.succeededFuture(result(request, new ArrayList<>(subscriptions)));
      case RedBuiltins.SUBSCRIBE -> subscribe(request, true);
      case RedBuiltins.UNSUBSCRIBE -> subscribe(request, false);
      default -> endpoint.methodNames().map(names -> {
        Outcome<String> info = RedBuiltins.methodInfo(request.params(), names::contains);
        return info instanceof Outcome.Ok<String> ok ? result(request, ok.value())
          : RedServerEndpoint.answer(request, ErrorReply.of(request.id(), ((Outcome.Failed<String>) info).error()));
      });
    };
  }

  /**
   * SUBSCRIBE sends each newly subscribed topic's retained state first, as Red does. Answered at
   * once from the topics known now (Red too uses the set it has, copied when the connection
   * opened), so subscription calls take effect in the order they were sent.
   */
  private Future<Outgoing> subscribe(Request request, boolean subscribe) {
    RedBuiltins.Topics topics = RedBuiltins.topics(request.params());
    Set<String> known = endpoint.topics();
    for (String name : topics.names()) {
      if (!subscribe) {
        subscriptions.remove(name);
      } else if (known.contains(name)) {
        subscriptions.add(name);
        Outgoing state = endpoint.retained(name);
        if (state != null && !link.isClosed()) {
          link.write(state);
        }
      }
    }
    return Future.succeededFuture(topics.failsAfter()
      ? RedServerEndpoint.answer(request, ErrorReply.of(request.id(), RedError.INTERNAL_ERROR))
      : result(request, new ArrayList<>(subscriptions)));
  }

  private static Outgoing result(Request request, Object value) {
    return RedServerEndpoint.answer(request, Result.of(request.id(), value));
  }

  private void answer(Outgoing reply) {
    answers.answer(reply);
  }

  @Override
  public void closed() {
    answers.clear();
    subscriptions.clear();
  }
}
