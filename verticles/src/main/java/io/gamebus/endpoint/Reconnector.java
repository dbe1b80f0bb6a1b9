package io.gamebus.endpoint;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.ReconnectConfig;
import io.vertx.core.Vertx;

/**
 * Client-role reconnects: exponential backoff with jitter, each wait announced on {@code .status}
 * as {@code reconnecting}, nothing scheduled once stopped.
 */
public final class Reconnector {

  private final Vertx vertx;
  private final EndpointBus bus;
  private final Backoff backoff;
  private boolean stopped;

  public Reconnector(Vertx vertx, EndpointBus bus, ReconnectConfig config) {
    this.vertx = vertx;
    this.bus = bus;
    this.backoff = new Backoff(config.initialDelayMs(), config.maxDelayMs(), config.multiplier(), config.jitter());
  }

  /** Runs {@code connect} after the next backoff delay. */
  public void schedule(Runnable connect) {
    if (stopped) {
      return;
    }
    long delay = backoff.nextDelayMs();
    bus.state(StatusEvent.RECONNECTING, "in " + delay + " ms (attempt " + backoff.attempts() + ")");
    vertx.setTimer(delay, t -> {
      if (!stopped) {
        connect.run();
      }
    });
  }

  /** After a connection proved good, the next failure waits the initial delay again. */
  public void reset() {
    backoff.reset();
  }

  public void stop() {
    stopped = true;
  }

  public boolean stopped() {
    return stopped;
  }
}
