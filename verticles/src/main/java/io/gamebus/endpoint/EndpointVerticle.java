package io.gamebus.endpoint;

import io.gamebus.config.EndpointConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * What every endpoint verticle shares, so a protocol's verticle says only how it starts and stops:
 * its context and configuration, its side of the bus (made before {@link #startEndpoint()}), and
 * its entry in the node's {@code gamebus.endpoints} listing (added once it has started, removed
 * before it stops). The announcements ({@code listening}, {@code connecting}, {@code stopped}) are
 * made by the layer's {@link ServerListeners} and {@link UpstreamLink}.
 */
public abstract class EndpointVerticle extends VerticleBase implements RunningEndpoint {

  protected final EndpointContext context;
  protected final EndpointConfig config;
  protected EndpointBus bus;

  protected EndpointVerticle(EndpointContext context) {
    this.context = context;
    this.config = context.config();
  }

  /** Binds the listeners (server role) or starts the upstream link (client role). */
  protected abstract Future<?> startEndpoint();

  /** Closes the connections or the link; the endpoint is already unlisted. */
  protected abstract Future<?> stopEndpoint();

  @Override
  public final Future<?> start() {
    bus = context.newBus(vertx);
    Future<?> started;
    try {
      started = startEndpoint();
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    return started.onSuccess(v -> context.registry().add(this, config.role().id()));
  }

  @Override
  public final Future<?> stop() {
    context.registry().remove(this);
    return stopEndpoint();
  }

  /** The Vert.x context this endpoint runs on (its event loop). */
  protected io.vertx.core.Context eventLoop() {
    return super.context;
  }

  /** Runs {@code action} on this endpoint's event loop (from a test or another verticle's thread). */
  protected <T> Future<T> onEventLoop(java.util.function.Supplier<Future<T>> action) {
    io.vertx.core.Promise<T> done = io.vertx.core.Promise.promise();
    eventLoop().runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }

  @Override
  public EndpointBus bus() {
    return bus;
  }
}
