package io.gamebus.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file named in or by the configuration, turning I/O failures into a short reason. */
final class FileText {

  private FileText() {
  }

  /**
   * The UTF-8 text of {@code file}.
   *
   * @throws ConfigException at {@code path} with a reason like "cannot read 'x.pem': no such file"
   */
  static String read(String file, String path) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException | InvalidPathException e) {
      throw new ConfigException(null, path, "cannot read '" + file + "': " + why(e), e);
    }
  }

  /** A reason a user can act on, instead of an exception class name. */
  static String why(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    // Also MalformedInputException (not UTF-8) and "is a directory".
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
