package io.gamebus.modrinth;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.modrinth.ModrinthCodecException;
import io.gamebus.codecs.modrinth.ModrinthEvents;
import io.gamebus.codecs.modrinth.ModrinthFrame;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.ServerConnection;
import io.gamebus.endpoint.ServerLink;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One socket of the server role, for one server id (from the URL the token endpoint handed out).
 * The first frame must be {@code auth} with a token for that id: {@code auth-ok}, or
 * {@code auth-incorrect} (the official client then fetches a new token and tries again on the same
 * socket). Before the token expires {@code auth-expiring} is sent, and a new {@code auth} renews it;
 * an expired token is answered {@code auth-incorrect} and must be renewed within the login timeout.
 * Close statuses: 1008 after {@code maxFailedAuths} failed auths in a row or no auth within
 * {@code limits.loginTimeoutSeconds} (the official client never meets either, and reconnects after
 * any status but 1000); 1009 for a frame past the size limit (the layer); 1001 when the endpoint
 * stops. Events are written only to authenticated sockets, and only their frames are published
 * ({@code auth} frames always, with the token redacted); any other frame before auth is answered
 * {@code auth-incorrect} and counted as bad input.
 */
final class ModrinthServerConnection implements ServerConnection {

  private final ServerLink link;
  private final ModrinthServerEndpoint endpoint;
  private final EndpointBus bus;
  private final String serverId;
  private boolean authenticated;
  private int failedAuths;
  private long expiryTimer = -1;
  private long renewTimer = -1;

  ModrinthServerConnection(ServerLink link, ModrinthServerEndpoint endpoint, String serverId) {
    this.link = link;
    this.endpoint = endpoint;
    this.bus = link.bus();
    this.serverId = serverId;
    link.expectLogin(ServerLink.POLICY_VIOLATION);
  }

  @Override public ServerLink link() { return link; }
  String serverId() { return serverId; }
  boolean authenticated() { return authenticated; }

  /** One whole text message, its bytes checked to be UTF-8 by the layer. */
  @Override
  public void input(Buffer data) {
    if (link.isClosed() || !link.admit()) {
      return;
    }
    ModrinthFrame frame;
    try {
      frame = endpoint.codec().decode(data);
    } catch (ModrinthCodecException e) {
      bus.badInput(id(), e.getMessage()); // Archon's answer is unknown; nothing is sent, the socket stays
      return;
    }
    boolean isAuth = "auth".equals(frame.event());
    if (!isAuth && !authenticated) {
      // Not published: without a valid token nobody may reach the bus (a console command would reach the game).
      bus.badInput(id(), frame.event() + " before auth");
      write(ModrinthEvents.authIncorrect());
      return;
    }
    bus.publish(id(), frame.event(), ModrinthEvents.redacted(frame.json()).put("server", serverId));
    if (isAuth) {
      auth(frame.json().getString("jwt"));
    }
  }

  @Override
  public void binaryInput(Buffer data) {
    bus.badInput(id(), "binary frame of " + data.length() + " bytes ignored: Modrinth sends JSON in text frames");
  }

  private void auth(String jwt) {
    endpoint.tokens().verify(jwt, serverId).onComplete(done -> {
      if (link.isClosed()) {
        return;
      }
      if (done.succeeded()) {
        boolean renewal = authenticated;
        authenticated = true;
        failedAuths = 0;
        link.loggedIn();
        write(ModrinthEvents.authOk());
        bus.status(id(), StatusEvent.AUTHENTICATED, (renewal ? "renewed: server " : "server ") + serverId);
        scheduleExpiry(done.result().expiresAtMs());
      } else {
        failedAuths++;
        bus.status(id(), StatusEvent.AUTHENTICATION_FAILED, done.cause().getMessage());
        if (failedAuths >= endpoint.options().maxFailedAuths()) {
          link.reject(failedAuths + " failed auths in a row", ServerLink.POLICY_VIOLATION);
        } else {
          write(ModrinthEvents.authIncorrect());
        }
      }
    });
  }

  /** {@code auth-expiring} ahead of expiry; at expiry, {@code auth-incorrect} and a new login countdown. */
  private void scheduleExpiry(long expiresAtMs) {
    cancelTimers();
    long left = expiresAtMs - System.currentTimeMillis();
    long renewAt = left - endpoint.options().renewBeforeSeconds() * 1000L;
    renewTimer = endpoint.timer(Math.max(1, renewAt), () -> write(ModrinthEvents.authExpiring()));
    expiryTimer = endpoint.timer(Math.max(1, left), () -> {
      authenticated = false;
      bus.status(id(), StatusEvent.AUTHENTICATION_FAILED, "token expired without renewal");
      write(ModrinthEvents.authIncorrect());
      link.expectLogin(ServerLink.POLICY_VIOLATION);
    });
  }

  private void cancelTimers() {
    endpoint.cancelTimer(renewTimer);
    endpoint.cancelTimer(expiryTimer);
    renewTimer = -1;
    expiryTimer = -1;
  }

  void write(JsonObject event) {
    link.write(ModrinthBusForm.outgoing(event));
  }

  @Override
  public void closed() {
    cancelTimers();
  }
}
