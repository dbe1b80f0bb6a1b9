package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.MethodSignature;

/** The {@code type} of a DFHack call on the bus, the same in both roles. */
final class DfhackTypeNames {

  private DfhackTypeNames() {
  }

  /** The method name; {@code plugin.method} for plugin methods. */
  static String of(MethodSignature method) {
    return method.isCore() ? method.method() : method.plugin() + "." + method.method();
  }
}
