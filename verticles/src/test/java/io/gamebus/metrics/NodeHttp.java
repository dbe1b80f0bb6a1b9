package io.gamebus.metrics;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;

/** GETs on a node's console port from the test thread. */
final class NodeHttp {

  record Answer(int status, String contentType, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  private final HttpClient client;
  private final int port;

  NodeHttp(Vertx vertx, int port) {
    this.client = vertx.createHttpClient();
    this.port = port;
  }

  Answer get(String uri) throws Exception {
    return get(uri, "127.0.0.1:" + port);
  }

  Answer get(String uri, String host) throws Exception {
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI(uri).putHeader("Host", host))
      .compose(request -> {
        // The body is asked for in the callback of the response itself, set before the request is
        // sent: chained after send() from this thread, the callback could run after the answer had
        // ended, and the test read an empty body (seen twice in full runs).
        Future<Answer> answer = request.response().compose(response -> response.body().map(body ->
          new Answer(response.statusCode(), response.getHeader("content-type"), body.toString())));
        request.end();
        return answer;
      })
      .await(10, TimeUnit.SECONDS);
  }

  Scrape metrics() throws Exception {
    Answer answer = get("/metrics");
    if (answer.status() != 200) {
      throw new AssertionError("/metrics answered " + answer.status() + ": " + answer.body());
    }
    return new Scrape(answer.body());
  }
}
