package io.gamebus.launcher;

import io.gamebus.bus.Gamebus;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/** Verticles deployed by class name in the launcher tests ({@code deploy}, {@code --deploy}). */
public final class OwnVerticleSamples {

  private OwnVerticleSamples() {
  }

  /**
   * Answers {@code config().address} with its config and an instance number; on stop, broadcasts a
   * FAF notice and records in the local map {@code own-verticles} whether the lobby endpoint still
   * took it, and prints a line the process test looks for.
   */
  public static final class Answering extends VerticleBase {
    @Override
    public Future<?> start() {
      String address = config().getString("address", "own.answering");
      int instance = (int) vertx.sharedData().getLocalMap("own-verticles").compute("started",
        (k, v) -> v == null ? 1 : (Integer) v + 1);
      return vertx.eventBus().consumer(address, m -> m.reply(config().copy().put("instance", instance))).completion();
    }

    @Override
    public Future<?> stop() {
      JsonObject notice = new JsonObject().put("command", "notice").put("style", "info").put("text", "bye");
      return Gamebus.of(vertx).broadcast("faf", "lobby", notice).transform(sent -> {
        vertx.sharedData().getLocalMap("own-verticles").put("lobby-took-goodbye", sent.succeeded());
        System.out.println("own verticle stopped");
        return Future.succeededFuture();
      });
    }
  }

  /** A Vert.x 4 style verticle: deploys as well. */
  public static final class Classic extends AbstractVerticle {
  }

  /** Fails to start, as a verticle whose dependency is down would. */
  public static final class Failing extends VerticleBase {
    @Override
    public Future<?> start() {
      return Future.failedFuture("the database is not reachable");
    }
  }

  /** Throws in its constructor. */
  public static final class ThrowingConstructor extends VerticleBase {
    public ThrowingConstructor() {
      throw new IllegalStateException("no settings");
    }
  }

  /** Not a verticle. */
  public static final class NotAVerticle {
  }

  /** A verticle that cannot be built by name. */
  public static final class NeedsArguments extends VerticleBase {
    public NeedsArguments(String setting) {
    }
  }
}
