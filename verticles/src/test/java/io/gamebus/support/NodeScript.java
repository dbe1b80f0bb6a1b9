package io.gamebus.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the Node scripts in {@code src/test/js} (real third-party peers: the official
 * event-bus bridge client, headless Chromium) and reads its line protocol from stdout.
 */
public final class NodeScript implements AutoCloseable {

  public static final Path DIR = Path.of("src", "test", "js");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
  private boolean ended;

  private NodeScript(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          synchronized (transcript) {
            transcript.add(line);
            transcript.notifyAll();
          }
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
      synchronized (transcript) {
        ended = true;
        transcript.notifyAll();
      }
    }, "node-script-reader");
    reader.setDaemon(true);
    reader.start();
  }

  public static NodeScript start(String script, String... args) throws IOException {
    return start(List.of(), script, args);
  }

  /**
   * Like {@link #start(String, String...)} with options for {@code node} itself before the script,
   * e.g. {@code --experimental-websocket} (Node 20 has no global {@code WebSocket} without it).
   */
  public static NodeScript start(List<String> nodeOptions, String script, String... args) throws IOException {
    if (!Files.isDirectory(DIR.resolve("node_modules"))) {
      throw new IllegalStateException("npm packages missing: run 'npm ci' in verticles/src/test/js (the build does it when npm is installed)");
    }
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(nodeOptions);
    command.add(script);
    command.addAll(List.of(args));
    return new NodeScript(new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start());
  }

  /** Writes one line to the script's stdin (for scripts that take commands there). */
  public void send(String line) throws IOException {
    process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** Waits for a line starting with {@code prefix}; fails with everything the script printed. */
  public String awaitLine(String prefix, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !process.isAlive() && lines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "'; the script printed:\n" + transcript());
  }

  /** A line starting with {@code prefix} within {@code millis}, or null (the script may still print it later). */
  public String pollLine(String prefix, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      String line = lines.poll(left, TimeUnit.NANOSECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
    }
    return null;
  }

  /** How many lines the script has printed so far: a mark for {@link #awaitSince}. */
  public int lineCount() {
    return transcript.size();
  }

  /**
   * Waits for a line starting with {@code prefix} among the lines printed from index {@code from}
   * on, without consuming anything (unlike {@link #awaitLine}, which drops the lines it skips);
   * fails with everything the script printed.
   */
  public String awaitSince(int from, String prefix, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    synchronized (transcript) {
      for (int next = from; ; ) {
        for (; next < transcript.size(); next++) {
          if (transcript.get(next).startsWith(prefix)) {
            return transcript.get(next);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || ended) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(transcript, left);
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "' after line " + from + "; the script printed:\n" + transcript());
  }

  /** The lines printed from index {@code from} on that start with {@code prefix}, without waiting. */
  public List<String> linesSince(int from, String prefix) {
    synchronized (transcript) {
      return transcript.subList(Math.min(from, transcript.size()), transcript.size()).stream()
        .filter(line -> line.startsWith(prefix)).toList();
    }
  }

  public int awaitExit(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new AssertionError("script still running; it printed:\n" + transcript());
    }
    return process.exitValue();
  }

  public String transcript() {
    synchronized (transcript) {
      return String.join("\n", transcript);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
