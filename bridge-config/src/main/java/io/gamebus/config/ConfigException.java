package io.gamebus.config;

/**
 * A configuration that cannot be used, naming the exact field and the reason.
 *
 * <p>The message is {@code "<path>: <reason>"}, e.g. {@code "endpoints[2].port: 70000 is not a port"};
 * when the configuration came from a file the file is named first:
 * {@code "gamebus.json: endpoints[2].port: 70000 is not a port"}. Syntax errors in a file have an
 * empty {@link #path()} and a reason that starts with the line and column.
 */
public final class ConfigException extends RuntimeException {

  private final String source;
  private final String path;
  private final String reason;

  public ConfigException(String path, String reason) {
    this(null, path, reason, null);
  }

  ConfigException(String source, String path, String reason, Throwable cause) {
    super(message(source, path, reason), cause);
    this.source = source;
    this.path = path == null ? "" : path;
    this.reason = reason;
  }

  /** The field, e.g. {@code endpoints[1].listeners[0].port}; empty for the document as a whole. */
  public String path() {
    return path;
  }

  /** Why the value is not accepted, without the path. */
  public String reason() {
    return reason;
  }

  /** The file or resource the configuration came from, or {@code null} if it was given as JSON. */
  public String source() {
    return source;
  }

  /** The same error, told as coming from {@code file}. */
  ConfigException inSource(String file) {
    return new ConfigException(file, path, reason, getCause());
  }

  /** The same error with another reason, e.g. naming the override that caused it. */
  ConfigException withReason(String newReason) {
    return new ConfigException(source, path, newReason, getCause());
  }

  private static String message(String source, String path, String reason) {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source).append(": ");
    }
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(reason).toString();
  }
}
