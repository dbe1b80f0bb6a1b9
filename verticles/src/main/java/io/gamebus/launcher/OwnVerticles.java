package io.gamebus.launcher;

import io.gamebus.config.ConfigException;
import io.gamebus.config.DeployConfig;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * The operator's own verticles ({@code deploy} in the configuration, {@code --deploy CLASS}):
 * classes looked up on the classpath, checked before anything starts, deployed with their
 * {@code instances} and {@code config}.
 */
final class OwnVerticles {

  private OwnVerticles() {
  }

  /**
   * Checks every entry can be instantiated: the class exists, is a {@link Deployable} (a
   * {@code VerticleBase}, {@code AbstractVerticle} or any {@code Verticle}) and has a public
   * constructor without arguments.
   *
   * @throws ConfigException at {@code deploy[i].verticle}, saying what is wrong
   */
  static void check(List<DeployConfig> entries) {
    for (int i = 0; i < entries.size(); i++) {
      constructor(entries.get(i), i);
    }
  }

  /** Deploys {@code entry}; fails with "deploy[i] CLASS: reason" when it does not start. */
  static Future<String> deploy(Vertx vertx, DeployConfig entry, int index) {
    String name = "deploy[" + index + "] " + entry.verticle();
    Constructor<? extends Deployable> constructor;
    try {
      constructor = constructor(entry, index);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    DeploymentOptions options = new DeploymentOptions().setInstances(entry.instances()).setConfig(entry.config());
    return vertx.deployVerticle(() -> instantiate(constructor), options)
      .recover(e -> Future.failedFuture(name + ": " + reason(e)));
  }

  private static Constructor<? extends Deployable> constructor(DeployConfig entry, int index) {
    String path = "deploy[" + index + "].verticle";
    String className = entry.verticle();
    Class<?> type;
    try {
      type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(path, "class " + className + " is not on the classpath; run"
        + " java -cp gamebus.jar:your.jar io.gamebus.launcher.Main, since java -jar ignores -cp");
    } catch (LinkageError e) {
      // Found, but a class it needs is missing or was built for a newer Java.
      throw new ConfigException(path, "class " + className + " cannot be loaded: " + reason(e));
    }
    if (!Deployable.class.isAssignableFrom(type)) {
      throw new ConfigException(path, className + " is not a Vert.x verticle: extend io.vertx.core.VerticleBase "
        + "(or implement io.vertx.core.Deployable)");
    }
    if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
      throw new ConfigException(path, className + " must be a public, non-abstract class");
    }
    try {
      return type.asSubclass(Deployable.class).getConstructor();
    } catch (NoSuchMethodException e) {
      throw new ConfigException(path, className + " has no public constructor without arguments "
        + "(settings belong in the entry's config, read with config())");
    }
  }

  private static Deployable instantiate(Constructor<? extends Deployable> constructor) {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("its constructor threw " + reason(e.getCause()), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate: " + reason(e), e);
    }
  }

  /** The message, or the exception's class when it has none (a bare NullPointerException). */
  private static String reason(Throwable e) {
    return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
  }
}
