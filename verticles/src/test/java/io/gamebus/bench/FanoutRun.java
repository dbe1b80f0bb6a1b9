package io.gamebus.bench;

import io.gamebus.bench.FanoutSystems.Kind;
import io.gamebus.bench.FanoutSystems.Running;
import io.gamebus.config.BridgeConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One system under load, set up from nothing and taken down completely, so that runs do not
 * depend on each other: the system, its publisher, then N subscribers connected and registered.
 */
final class FanoutRun implements AutoCloseable {

  final Running system;
  final FanoutPublisher publisher = new FanoutPublisher();
  final FanoutSubscribers group;
  private final Vertx servers;
  private final String publisherDeployment;

  FanoutRun(Vertx servers, Kind kind, BridgeConfig bridge, Vertx clients, List<Context> clientLoops, int n)
    throws Exception {
    this.servers = servers;
    this.system = FanoutSystems.start(servers, kind, bridge).await(10, TimeUnit.SECONDS);
    // Deployments take the event loops in turn: deployed right after the system, the publisher is
    // sure not to share its event loop (which would halve the system's share of a core).
    this.publisherDeployment = servers.deployVerticle(publisher).await(10, TimeUnit.SECONDS);
    this.group = new FanoutSubscribers(clients, clientLoops, n + 10);
    group.connect(system.port(), system.uri(), n);
  }

  /**
   * Waits until every subscriber, and the loner if not null, has had a message: only then are all
   * registrations known to be in effect.
   */
  void warmUp(FanoutSubscribers.Subscriber loner) {
    try {
      publisher.warmUp(group, loner).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("not every subscriber got a message; a frame one got instead: "
        + group.firstUnexpected(), e);
    }
  }

  @Override
  public void close() throws Exception {
    group.shutdown();
    servers.undeploy(publisherDeployment).await(10, TimeUnit.SECONDS);
    system.stop().await(20, TimeUnit.SECONDS);
  }
}
