package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.MethodSignature;

import java.util.ArrayList;
import java.util.List;

/**
 * One connection's function ids, as the real server numbers them: 0 BindMethod, 1 RunCommand,
 * then the core methods in registration order; plugin methods are appended when first bound,
 * and binding the same method again returns the same id.
 */
final class MethodTable {

  private final List<MethodSignature> methods = new ArrayList<>(CoreMethods.all());

  MethodSignature get(int id) {
    return id >= 0 && id < methods.size() ? methods.get(id) : null;
  }

  /** The id of an already known method of that plugin and name, or -1. */
  int find(String plugin, String method) {
    for (int id = 0; id < methods.size(); id++) {
      if (methods.get(id).sameMethod(plugin, method)) {
        return id;
      }
    }
    return -1;
  }

  int add(MethodSignature method) {
    methods.add(method);
    return methods.size() - 1;
  }
}
