package io.gamebus.support;

import io.vertx.core.json.Json;

import java.io.IOException;

/**
 * One page in headless Chromium, driven step by step through {@code page-driver.mjs}: each call
 * sends one command and returns its answer (the JSON text of a value), or fails with everything
 * the script printed.
 */
public final class PageDriver implements AutoCloseable {

  private final NodeScript script;
  private int commands;

  private PageDriver(NodeScript script) {
    this.script = script;
  }

  public static PageDriver start() throws IOException {
    return new PageDriver(NodeScript.start("page-driver.mjs"));
  }

  /** Sends one command ({@code WAIT <expression>}, {@code CLICK <selector>}, …); returns its value as JSON text. */
  public String run(String command) throws InterruptedException {
    try {
      script.send(command);
    } catch (IOException e) {
      throw new AssertionError("the page driver has ended; it printed:\n" + script.transcript(), e);
    }
    String prefix = "R" + (++commands) + " ";
    String answer = script.awaitLine(prefix, 60).substring(prefix.length());
    if (!answer.startsWith("ok ")) {
      throw new AssertionError(command + " -> " + answer + "\nthe script printed:\n" + script.transcript());
    }
    return answer.substring(3);
  }

  /** {@code WAIT expression}: polls until it is truthy; its value. */
  public String await(String expression) throws InterruptedException {
    return run("WAIT " + expression);
  }

  /** {@code EVAL expression}, decoded from JSON. */
  public Object eval(String expression) throws InterruptedException {
    return Json.decodeValue(run("EVAL " + expression));
  }

  public void click(String selector) throws InterruptedException {
    run("CLICK " + selector);
  }

  public void fill(String selector, String text) throws InterruptedException {
    run("FILL " + selector + "\t" + text);
  }

  /** The page errors printed so far (console errors and uncaught exceptions). */
  public java.util.List<String> pageErrors() {
    return script.linesSince(0, "PAGE-ERROR");
  }

  public String transcript() {
    return script.transcript();
  }

  @Override
  public void close() throws Exception {
    try {
      script.send("QUIT");
      script.awaitExit(20);
    } catch (IOException | AssertionError e) {
      // already ended
    } finally {
      script.close();
    }
  }
}
