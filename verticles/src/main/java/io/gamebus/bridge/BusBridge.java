package io.gamebus.bridge;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.BridgeConfig;
import io.gamebus.endpoint.EndpointBus;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Vert.x event-bus bridge protocol, as the official {@code @vertx/eventbus-bridge-client.js}
 * speaks it ({@code register}, {@code unregister}, {@code send}, {@code publish}, {@code ping} in;
 * {@code rec}, {@code err} out), for every transport. Differences from the stock bridge, all
 * visible only to a browser that does something refused: every refusal is an {@code err} frame
 * saying why (with the address it concerns, so the official client hands it to that handler),
 * registrations and pending replies are bounded separately, so replies are never refused for
 * want of room taken by registrations. Runs on the console's event loop.
 */
final class BusBridge implements AddressFanout.Bridge, BridgeSocket.SlowSubscribers, BridgeAuth.Sockets {

  private static final System.Logger LOG = System.getLogger(BusBridge.class.getName());
  /** Longest address or reply address a browser may name. */
  static final int MAX_ADDRESS_LENGTH = 256;

  private final Vertx vertx;
  private final EventBus eventBus;
  private final BridgeConfig config;
  private final EndpointBus status;
  private final BridgePermissions defaults;
  /** Browser authentication (bridge.auth), or null when not configured. */
  private final BridgeAuth auth;
  private final BridgeSocket.SlowPolicy policy;
  private final Map<String, AddressFanout> fanouts = new HashMap<>();
  private final Set<BridgeSocket> sockets = new LinkedHashSet<>();
  private final BridgeRequests requests;
  private final BridgeCounts counts = new BridgeCounts();
  private final long sweeper;
  private long nextSocket;

  BusBridge(Vertx vertx, BridgeConfig config, EndpointBus status) {
    this.vertx = vertx;
    this.eventBus = vertx.eventBus();
    this.config = config;
    this.status = status;
    this.defaults = new BridgePermissions(config.inbound(), config.outbound());
    this.auth = config.auth() == null ? null : new BridgeAuth(vertx, config.auth(), defaults, this);
    this.requests = new BridgeRequests(vertx, config);
    this.policy = BridgeConfig.DROP.equals(config.slowSubscriber()) ? BridgeSocket.SlowPolicy.DROP : BridgeSocket.SlowPolicy.DISCONNECT;
    this.sweeper = vertx.setPeriodic(Math.max(100, Math.min(1000, config.pingTimeoutMs() / 2)), t -> closeSilentSockets());
  }

  /** What a new socket may do: the configured permissions, or nothing when bridge.auth.required. */
  BridgePermissions defaultPermissions() {
    return auth == null ? defaults : auth.initial();
  }

  /** A socket opened on {@code uri}: its {@code token} query parameter, if any, authenticates it (bridge.auth). */
  void connectedWith(BridgeSocket socket, String uri) {
    if (auth != null) {
      auth.connected(socket, BridgeAuth.queryToken(uri));
    }
  }

  String nextSocketId() {
    return status.nodeId() + "-b" + (++nextSocket);
  }

  /** A browser connected: announce it; its frames go to {@link #onFrame}, its end to {@link #closed}. */
  void opened(BridgeSocket socket) {
    sockets.add(socket);
    status.metrics().connectionOpened();
    counts.opened(socket.transport());
    status.status(socket.id(), StatusEvent.CONNECTION_OPENED, socket.transport() + " from " + socket.remote());
  }

  void closed(BridgeSocket socket) {
    if (!sockets.remove(socket)) {
      return;
    }
    for (String address : socket.registrations) {
      leave(address, socket);
    }
    socket.registrations.clear();
    if (auth != null) {
      auth.closed(socket);
    }
    requests.closed(socket);
    status.metrics().connectionClosed();
    counts.closed(socket.transport());
    LOG.log(System.Logger.Level.DEBUG, "bridge socket {0} ({1}) closed", socket.id(), socket.transport());
    status.status(socket.id(), StatusEvent.CONNECTION_CLOSED, socket.transport());
  }

  /** The browser broke a transport rule (its socket closes with the matching code): counted and announced. */
  void badInput(BridgeSocket socket, String why) {
    LOG.log(System.Logger.Level.DEBUG, "bridge socket {0}: {1}", socket.id(), why);
    status.badInput(socket.id(), why);
  }

  void onFrame(BridgeSocket socket, String text) {
    socket.lastHeardMs = System.currentTimeMillis();
    // What a frame asks for (a reply, an err, a replay) is written whatever the backlog: a page that
    // does not read is cut off when it asks for more, as for a live message, not only by one.
    if (policy == BridgeSocket.SlowPolicy.DISCONNECT && !socket.admits(policy, this)) {
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      refuse(socket, null, BridgeErrors.INVALID_JSON, "a bridge frame is one JSON object");
      return;
    }
    status.metrics().messageIn();
    if (auth != null) {
      auth.onFrame(socket, frame); // takes the token off, then calls dispatch
      return;
    }
    dispatch(socket, frame);
  }

  @Override
  public void dispatch(BridgeSocket socket, JsonObject frame) {
    Object type = frame.getValue("type");
    if ("ping".equals(type)) {
      return;
    }
    if (!(type instanceof String name)) {
      refuse(socket, null, BridgeErrors.MISSING_TYPE, "the frame has no type");
      return;
    }
    Object address = frame.getValue("address");
    if (!(address instanceof String target) || target.isEmpty()) {
      refuse(socket, null, BridgeErrors.MISSING_ADDRESS, "a " + name + " frame names an address");
      return;
    }
    if (target.length() > MAX_ADDRESS_LENGTH) {
      refuse(socket, null, BridgeErrors.ADDRESS_TOO_LONG, "addresses are at most " + MAX_ADDRESS_LENGTH + " characters");
      return;
    }
    switch (name) {
      case "register" -> register(socket, target, frame.getValue("headers"));
      case "unregister" -> unregister(socket, target);
      case "send" -> send(socket, target, frame);
      case "publish" -> publish(socket, target, frame);
      default -> refuse(socket, null, BridgeErrors.INVALID_TYPE, "unknown frame type '" + name + "'");
    }
  }

  private void register(BridgeSocket socket, String address, Object headers) {
    if (!socket.permissions.mayListen(address)) {
      deny(socket, address, "listening on " + address, "outbound");
      return;
    }
    Long lastSeq = lastSeq(headers);
    if (headers instanceof JsonObject h && h.containsKey(BridgeErrors.LAST_SEQ) && lastSeq == null) {
      refuse(socket, address, BridgeErrors.BAD_HEADER, BridgeErrors.LAST_SEQ + " is the seq of the last envelope seen, a whole number");
      return;
    }
    if (!socket.registrations.contains(address) && socket.registrations.size() >= config.maxRegistrations()) {
      refuse(socket, address, BridgeErrors.MAX_REGISTRATIONS, "a socket listens on at most "
        + config.maxRegistrations() + " addresses (bridge.maxRegistrations)");
      return;
    }
    // A replay is written whatever the backlog, so one that has not taken what it was given
    // before gets none on top (else each repeated register would pile up historySize envelopes):
    // the slow policy applies, as to a live message; with drop it is told of the gap.
    boolean replay = lastSeq == null || socket.admits(policy, this);
    if (!socket.isLive()) {
      return;
    }
    if (socket.registrations.contains(address)) {
      leave(address, socket);
    }
    socket.registrations.add(address);
    AddressFanout fanout = fanouts.computeIfAbsent(address, a -> new AddressFanout(eventBus, a,
      new FanoutHistory(config.historySize(), config.historyMaxAgeSeconds() * 1000L), this));
    if (fanout.lingerTimer >= 0) {
      vertx.cancelTimer(fanout.lingerTimer);
      fanout.lingerTimer = -1;
    }
    AddressFanout.Recovery recovery = fanout.subscribe(socket, replay ? lastSeq : null);
    if (!replay) {
      recovery = new AddressFanout.Recovery(false, 0, lastSeq); // dropped (drop policy): a gap
    }
    if (recovery != null) {
      socket.write(BridgeErrors.recoveryReport(address, recovery));
    }
  }

  private static Long lastSeq(Object headers) {
    if (headers instanceof JsonObject h && h.getValue(BridgeErrors.LAST_SEQ) != null) {
      Object value = h.getValue(BridgeErrors.LAST_SEQ);
      try {
        return value instanceof Number n && n.doubleValue() == n.longValue() ? n.longValue() : Long.valueOf(String.valueOf(value));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private void unregister(BridgeSocket socket, String address) {
    if (socket.registrations.remove(address)) {
      leave(address, socket);
    }
  }

  /**
   * Takes {@code socket} off an address; an address nobody watches keeps its history for its
   * age, then goes; one with no history goes at once.
   */
  private void leave(String address, BridgeSocket socket) {
    AddressFanout fanout = fanouts.get(address);
    if (fanout == null || !fanout.unsubscribe(socket)) {
      return;
    }
    if (!fanout.hasHistory()) {
      // Nothing to recover (recovery off, or no envelope seen): a page cannot make unwatched
      // addresses pile up by registering on names nobody publishes to.
      fanouts.remove(address).close();
      return;
    }
    fanout.lingerTimer = vertx.setTimer(config.historyMaxAgeSeconds() * 1000L, t -> {
      if (fanout.isEmpty() && fanouts.remove(address, fanout)) {
        fanout.close();
      }
    });
  }

  private void send(BridgeSocket socket, String address, JsonObject frame) {
    Object replyTo = frame.getValue("replyAddress");
    if (replyTo != null && (!(replyTo instanceof String) || ((String) replyTo).isEmpty() || ((String) replyTo).length() > MAX_ADDRESS_LENGTH)) {
      refuse(socket, null, BridgeErrors.INVALID_REPLY_ADDRESS, "replyAddress is a string of at most " + MAX_ADDRESS_LENGTH + " characters");
      return;
    }
    String replyAddress = (String) replyTo;
    DeliveryOptions options = BridgeRequests.deliveryOptions(frame.getValue("headers")).setSendTimeout(config.replyTimeoutMs());
    Object body = frame.getValue("body");
    if (requests.answer(socket, address, replyAddress, body, options)) {
      return;
    }
    if (!socket.permissions.mayWrite(address)) {
      deny(socket, replyAddress, "sending to " + address, "inbound");
      return;
    }
    if (replyAddress == null) {
      eventBus.send(address, body, options);
      return;
    }
    if (!requests.hasRoom(socket)) {
      refuse(socket, replyAddress, BridgeErrors.TOO_MANY_PENDING, "at most " + config.maxPendingReplies()
        + " requests await a reply per socket (bridge.maxPendingReplies)");
      return;
    }
    requests.forward(socket, replyAddress, eventBus.request(address, body, options));
  }

  private void publish(BridgeSocket socket, String address, JsonObject frame) {
    if (!socket.permissions.mayWrite(address)) {
      deny(socket, null, "publishing to " + address, "inbound");
      return;
    }
    eventBus.publish(address, frame.getValue("body"), BridgeRequests.deliveryOptions(frame.getValue("headers")));
  }

  @Override
  public void deliverSend(BridgeSocket socket, Message<Object> message, byte[] recPrefix) {
    if (requests.deliverSend(socket, message, recPrefix, policy, this)) {
      status.metrics().messageOut();
    }
  }

  @Override
  public void delivered(int count) {
    if (count > 0) {
      status.metrics().messagesOut(count);
    }
  }

  /** Refuses {@code what} ("sending to a.b"), not permitted by {@code bridge.<list>}, saying why. */
  private void deny(BridgeSocket socket, String errAddress, String what, String list) {
    if (auth == null) {
      refuse(socket, errAddress, BridgeErrors.ACCESS_DENIED, what + " is not permitted (bridge." + list + ")");
      return;
    }
    BridgeAuth.Denial denial = auth.denial(socket, what, list);
    refuse(socket, errAddress, denial.error(), denial.message());
  }

  @Override
  public void permit(BridgeSocket socket, BridgePermissions permissions, BridgeErrors why, String because) {
    socket.permissions = permissions;
    for (String address : socket.registrations.toArray(String[]::new)) {
      if (!permissions.mayListen(address)) {
        socket.registrations.remove(address);
        leave(address, socket);
        refuse(socket, address, why, "listening on " + address + " is no longer permitted (" + because
          + "): the registration is dropped");
      }
    }
  }

  @Override
  public void announce(BridgeSocket socket, StatusEvent event, String detail) {
    status.status(socket.id(), event, detail);
  }

  @Override
  public void refuse(BridgeSocket socket, String address, BridgeErrors error, String why) {
    LOG.log(System.Logger.Level.DEBUG, "bridge socket {0}: {1}: {2}", socket.id(), error.code(), why);
    counts.refused(error);
    socket.write(BridgeErrors.err(address, error, why));
  }

  private void closeSilentSockets() {
    long now = System.currentTimeMillis();
    for (BridgeSocket socket : sockets.toArray(BridgeSocket[]::new)) {
      if (now - socket.lastHeardMs > config.pingTimeoutMs()) {
        socket.close(1008, "nothing heard for " + config.pingTimeoutMs() + " ms (bridge.pingTimeoutMs); the client pings every 5 s");
      }
    }
  }

  @Override
  public BridgeSocket.SlowPolicy policy() {
    return policy;
  }

  @Override
  public BridgeSocket.SlowSubscribers slow() {
    return this;
  }

  @Override
  public void cutOff(BridgeSocket socket) {
    status.metrics().slowConsumer();
    String why = "too slow: more than " + config.maxPendingBytes() + " bytes waiting (bridge.maxPendingBytes)";
    status.status(socket.id(), StatusEvent.SLOW_CONSUMER, "closed: " + why, pending(socket));
    socket.close(1013, why);
  }

  @Override
  public void startedDropping(BridgeSocket socket) {
    status.metrics().slowConsumer();
    status.status(socket.id(), StatusEvent.SLOW_CONSUMER, "dropping messages: more than "
      + config.maxPendingBytes() + " bytes waiting (bridge.maxPendingBytes)", pending(socket));
  }

  /** The {@code pendingBytes} field of a slow-consumer event: what gamebus holds for the browser. */
  private static JsonObject pending(BridgeSocket socket) {
    return new JsonObject().put("pendingBytes", socket.pendingBytes());
  }

  @Override
  public void stoppedDropping(BridgeSocket socket, long dropped) {
    status.status(socket.id(), StatusEvent.SLOW_CONSUMER, "caught up after " + dropped + " messages dropped");
  }

  /** Sockets per transport and refusals per code (the rest is in the status bus's endpoint counters). */
  BridgeCounts counts() {
    return counts;
  }

  /** Closes every socket (the console stops) and every bus consumer. */
  void stop() {
    vertx.cancelTimer(sweeper);
    for (BridgeSocket socket : sockets.toArray(BridgeSocket[]::new)) {
      socket.stop("gamebus is stopping");
    }
    fanouts.values().forEach(AddressFanout::close);
    fanouts.clear();
  }
}
