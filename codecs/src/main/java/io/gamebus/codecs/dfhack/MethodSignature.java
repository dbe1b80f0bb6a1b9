package io.gamebus.codecs.dfhack;

import io.gamebus.codecs.dfhack.proto.CoreBindRequest;
import java.util.Objects;

/**
 * What BindMethod matches: plugin ("" for the core service), method name, and the fully qualified
 * input and output type names, all compared exactly (dfhack.md §8).
 *
 * @param plugin the plugin name, {@code ""} for core methods; null is taken as {@code ""}
 * @param method the method name, e.g. {@code GetVersion}
 * @param inputType e.g. {@code dfproto.EmptyMessage}
 * @param outputType e.g. {@code dfproto.StringMessage}
 */
public record MethodSignature(String plugin, String method, String inputType, String outputType) {

  public MethodSignature {
    plugin = plugin == null ? "" : plugin;
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(inputType, "inputType");
    Objects.requireNonNull(outputType, "outputType");
  }

  /** A core method's signature. */
  public static MethodSignature core(String method, String inputType, String outputType) {
    return new MethodSignature("", method, inputType, outputType);
  }

  /** The signature a bind request asks for (an absent plugin is the core service). */
  public static MethodSignature of(CoreBindRequest request) {
    return new MethodSignature(request.getPlugin(), request.getMethod(), request.getInputMsg(),
        request.getOutputMsg());
  }

  /** Whether this is a core method (empty plugin). */
  public boolean isCore() {
    return plugin.isEmpty();
  }

  /** {@code plugin::method} as the real server prints it ({@code ::GetVersion} for core). */
  public String qualifiedName() {
    return plugin + "::" + method;
  }

  /** Whether a request names this method (plugin and name only, types not compared). */
  public boolean sameMethod(String plugin, String method) {
    return this.plugin.equals(plugin == null ? "" : plugin) && this.method.equals(method);
  }

  /** The bind request for this method; {@code plugin} is set only when non-empty, as the real client does. */
  public CoreBindRequest toBindRequest() {
    CoreBindRequest.Builder b = CoreBindRequest.newBuilder()
        .setMethod(method).setInputMsg(inputType).setOutputMsg(outputType);
    if (!plugin.isEmpty()) {
      b.setPlugin(plugin);
    }
    return b.build();
  }
}
