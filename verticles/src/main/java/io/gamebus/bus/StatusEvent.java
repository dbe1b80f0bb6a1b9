package io.gamebus.bus;

import java.util.Locale;

/**
 * The closed set of lifecycle events published on {@code <endpoint>.status} as
 * {@code {protocol, endpoint, node, connection?, state, ts, detail?}}. The wire form
 * ({@link #wireName()}) is the constant's name in lower case with dashes: {@code connection-opened}.
 * The README's bus contract lists each one; a new value is a change of that contract.
 */
public enum StatusEvent {
  // The endpoint itself (no connection).
  /** Server role: every listener is bound; detail = the listening addresses. */
  LISTENING,
  /** Client role: a connection attempt to the upstream begins; detail = its URL. */
  CONNECTING,
  /** Client role: the upstream link is up (handshake done); detail = its URL. */
  CONNECTED,
  /** Client role: the next attempt is scheduled; detail = the delay and the attempt number. */
  RECONNECTING,
  /** Client role: an attempt failed or the link could not be used; detail = why. */
  FAILED,
  /** The endpoint was undeployed; its connections are closed. */
  STOPPED,
  /** Red server role: a message for a topic could not be notified (not JSON); detail = the topic and why. */
  TOPIC_DROPPED,

  // One connection (the {@code connection} field is set).
  /** A peer connected (server role) or the upstream link opened (client role). */
  CONNECTION_OPENED,
  /** The connection ended, whoever ended it. */
  CONNECTION_CLOSED,
  /** The transport reported an error on the connection; detail = the error. */
  CONNECTION_ERROR,
  /** A connection was refused at accept time: a connection limit was reached. */
  CONNECTION_REFUSED,
  /** A protocol handshake completed (DFHack); detail = the peer's version. */
  HANDSHAKE,
  /** A login succeeded; detail = who. */
  AUTHENTICATED,
  /** A login was refused (by us, or by the upstream in the client role); detail = why. */
  AUTHENTICATION_FAILED,
  /** The peer sent something the protocol does not allow; counted; detail = the reason. */
  BAD_INPUT,
  /** The peer was cut off because it did not read what was written to it. */
  SLOW_CONSUMER,
  /** The peer sent the protocol's goodbye (DFHack QUIT). */
  QUIT,
  /** The connection is closed at the point of the stream where bad input was found. */
  CLOSED_ON_BAD_INPUT,
  /** The upstream rejected one of our messages and will close (FAF {@code invalid}). */
  INVALID,
  /** A bus handler failed or did not answer in time; the peer got the protocol's error. */
  HANDLER_FAILED,
  /** A call could not be completed for an internal reason; the peer got the protocol's error. */
  CALL_FAILED,

  // Sessions that outlive a connection (RPFM); these events carry a {@code session} field.
  /** Server role: a connection got a new session (none asked for, or the one asked for is gone). */
  SESSION_STARTED,
  /** Server role: a connection resumed the session it asked for. */
  SESSION_RESUMED,
  /** Server role: a session ended; detail = why (the peer said goodbye, grace expired, stop). */
  SESSION_ENDED,
  /** Client role: the upstream handed out a new session instead of the one asked for; its state is lost. */
  SESSION_LOST,

  // What a client-role link learnt from its upstream after each (re)connect (Red).
  /** Client role: the methods the upstream offers (Red {@code GET_METHODS}); field {@code methods}, detail = how many. */
  METHODS,
  /** Client role: the upstream confirmed our topic subscriptions; field {@code subscriptions}; detail names topics it refused. */
  SUBSCRIBED;

  private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The {@code state} string on the bus, e.g. {@code connection-opened}. */
  public String wireName() {
    return wireName;
  }

  /** The event of a {@code state} string, or null for a string that is not one. */
  public static StatusEvent fromWireName(String wireName) {
    for (StatusEvent event : values()) {
      if (event.wireName.equals(wireName)) {
        return event;
      }
    }
    return null;
  }
}
