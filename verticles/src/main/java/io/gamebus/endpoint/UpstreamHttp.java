package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * REST calls a client-role endpoint makes beside its socket (Modrinth's token and power endpoints),
 * with the layer's bounds: a timeout covering the whole exchange and a maximum response size. The
 * bearer token is sent in {@code Authorization} and never appears in a failure's message.
 */
public final class UpstreamHttp {

  /** A response: its status and body (at most the configured size). */
  public record Response(int status, Buffer body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The body as a JSON object; fails with a readable reason when it is not one. */
    public JsonObject json() {
      try {
        return new JsonObject(body);
      } catch (RuntimeException e) {
        throw new IllegalStateException("the response is not a JSON object (" + body.length() + " bytes)");
      }
    }
  }

  private final Vertx vertx;
  private final long timeoutMs;
  private final int maxBodyBytes;
  private HttpClient client;

  /**
   * @param timeoutMs    how long one request may take, connection included, in ms
   * @param maxBodyBytes a longer response body fails the request
   */
  public UpstreamHttp(Vertx vertx, long timeoutMs, int maxBodyBytes) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * One request to an absolute {@code http://} or {@code https://} URL; {@code body} (may be null)
   * is sent as JSON. Fails for a transport error, a timeout or an oversize body; any status
   * completes it (the caller reads {@link Response#status()}).
   */
  public Future<Response> request(HttpMethod method, String url, String bearer, JsonObject body) {
    if (client == null) {
      client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE)));
    }
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setTimeout(timeoutMs)
      .putHeader("Accept", "application/json");
    if (bearer != null) {
      options.putHeader("Authorization", "Bearer " + bearer);
    }
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return client.request(options).compose(request -> {
      Future<io.vertx.core.http.HttpClientResponse> sent = body == null ? request.send() : request.send(body.toBuffer());
      return sent.compose(response -> {
        String length = response.getHeader("Content-Length");
        if (length != null && Long.parseLong(length.trim()) > maxBodyBytes) {
          return Future.failedFuture(method + " " + url + ": response of " + length + " bytes is over " + maxBodyBytes);
        }
        Buffer collected = Buffer.buffer();
        io.vertx.core.Promise<Response> done = io.vertx.core.Promise.promise();
        response.handler(chunk -> {
          if (collected.length() + chunk.length() > maxBodyBytes) {
            done.tryFail(method + " " + url + ": response over " + maxBodyBytes + " bytes");
            request.reset();
          } else {
            collected.appendBuffer(chunk);
          }
        });
        response.exceptionHandler(done::tryFail);
        response.endHandler(v -> done.tryComplete(new Response(response.statusCode(), collected)));
        return done.future();
      });
    });
  }

  public Future<Void> close() {
    return client == null ? Future.succeededFuture() : client.close();
  }
}
