package io.gamebus.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@code /metrics} answer in Prometheus's text format, read the way Prometheus reads it. */
final class Scrape {

  private record Sample(String name, Map<String, String> labels, double value) {
  }

  private final List<Sample> samples = new ArrayList<>();
  final String text;

  Scrape(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(parse(line));
      }
    }
  }

  /** {@code name{a="x",b="y"} 12.0}: label values here never hold quotes or commas. */
  private static Sample parse(String line) {
    int brace = line.indexOf('{');
    int space = line.lastIndexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      String inside = line.substring(brace + 1, line.lastIndexOf('}'));
      for (String pair : inside.split(",")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
        }
      }
    } else {
      name = line.substring(0, space);
    }
    return new Sample(name, labels, Double.parseDouble(line.substring(space + 1)));
  }

  /** The one sample of {@code name} whose labels include {@code labels} (pairs: key, value, ...). */
  double value(String name, String... labels) {
    List<Sample> matching = matching(name, labels);
    if (matching.size() != 1) {
      throw new AssertionError(matching.size() + " samples of " + name + " " + List.of(labels) + " in:\n" + text);
    }
    return matching.get(0).value();
  }

  /** Whether some sample of {@code name} has these labels. */
  boolean has(String name, String... labels) {
    return !matching(name, labels).isEmpty();
  }

  /** The distinct values label {@code label} takes on samples of {@code name}. */
  List<String> labelValues(String name, String label) {
    return samples.stream().filter(s -> s.name().equals(name)).map(s -> s.labels().get(label)).distinct().toList();
  }

  /** Every label name used by samples whose name starts with {@code prefix}. */
  java.util.Set<String> labelNames(String prefix) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    samples.stream().filter(s -> s.name().startsWith(prefix)).forEach(s -> names.addAll(s.labels().keySet()));
    return names;
  }

  private List<Sample> matching(String name, String... labels) {
    return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
      for (int i = 0; i < labels.length; i += 2) {
        if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
          return false;
        }
      }
      return true;
    }).toList();
  }
}
