#!/usr/bin/env node
// Subscribes to a gamebus address through the SockJS event-bus bridge with the OFFICIAL client
// (@vertx/eventbus-bridge-client.js) and reports on stdout, one line per event:
//   OPEN <transport>           the bridge opened; the SockJS transport in use (websocket, xhr-streaming, ...)
//   READY                      the register frame for --address was sent
//   MESSAGE <json>             a message arrived on --address (compact JSON of its body)
//   REPLY <json>               reply body to the --send-body sent when --expect-type arrived
//   REPLY-FAILURE <code> <msg> that send failed (code is the failureCode, or the failureType)
//   DONE                       a message of --expect-type arrived (and the send, if any, was answered) -> exit 0
//   TIMEOUT                    --timeout-ms passed first -> exit 1
//   ERROR <detail>             the bridge reported an error or the socket failed -> exit 2
// Details for humans go to stderr.
//
// usage: node bridge-client.mjs --url http://127.0.0.1:PORT/eventbus --address gamebus.faf.lobby.in
//          --expect-type ask_session [--send-address gamebus.faf.lobby.out --send-body '{"command":"notice"}']
//          [--transports xhr-streaming] [--timeout-ms 20000] [--header name=value ...]
// --transports (comma-separated: websocket, xhr-streaming, xhr-polling, eventsource) is passed as
// SockJS's own `transports` option, which limits the transports it may try.
// --header (repeatable) goes into eb.defaultHeaders, which the client adds to every frame but pings:
// e.g. --header 'authorization=Bearer <jwt>' authenticates the page to the bridge (bridge.auth).
import { createRequire } from 'node:module';
import { argsOrExit, lineProtocol, oneLine } from './script-io.mjs';

// The client is a UMD file: loaded through require() it takes its CommonJS branch, which does
// require('sockjs-client'); in Node that resolves to sockjs-client's Node entry (WebSocket transport
// over faye-websocket, XHR fallbacks over node:http), so no browser globals are needed.
const require = createRequire(import.meta.url);
const EventBus = require('@vertx/eventbus-bridge-client.js');

const args = argsOrExit({
  url: { type: 'string' },
  address: { type: 'string' },
  'expect-type': { type: 'string' },
  'send-address': { type: 'string' },
  'send-body': { type: 'string' },
  transports: { type: 'string' },
  'timeout-ms': { type: 'string', default: '20000' },
  header: { type: 'string', multiple: true, default: [] },
}, ['url', 'address', 'expect-type']);

let sendBody;
if (args['send-address']) {
  try {
    sendBody = JSON.parse(args['send-body'] ?? '{}');
  } catch (e) {
    process.stdout.write(`ERROR --send-body is not JSON: ${e.message}\n`);
    process.exit(2);
  }
}
const timeoutMs = Number(args['timeout-ms']);
const defaultHeaders = {};
for (const header of args.header) {
  const eq = header.indexOf('=');
  if (eq <= 0) {
    process.stdout.write(`ERROR --header is name=value, got ${header}\n`);
    process.exit(2);
  }
  defaultHeaders[header.slice(0, eq)] = header.slice(eq + 1);
}
// The official client hands its options object to `new SockJS(url, null, options)`.
const options = { vertxbus_ping_interval: 5000 };
if (args.transports) options.transports = args.transports.split(',').map((t) => t.trim()).filter(Boolean);

let eb;
const { line, finish } = lineProtocol(() => eb && eb.close());

const timer = setTimeout(() => finish(1, 'TIMEOUT', `no message of type ${args['expect-type']} within ${timeoutMs} ms`), timeoutMs);

let opened = false;

try {
  eb = new EventBus(args.url, options);
  if (args.header.length > 0) eb.defaultHeaders = defaultHeaders;
  wire(eb);
} catch (e) {
  finish(2, `ERROR ${oneLine(e.message)}`);
}

function wire(eb) {
  eb.onerror = (err) => {
    // {type:'err', body:'access_denied'} and the like, or a socket error
    const detail = err && err.body !== undefined ? err.body : err;
    finish(2, `ERROR ${oneLine(typeof detail === 'string' ? detail : JSON.stringify(detail))}`);
  };

  eb.onclose = (e) => {
    clearTimeout(timer);
    const why = e && (e.reason || e.code) ? ` (${e.code} ${e.reason || ''})` : '';
    finish(2, `ERROR ${opened ? 'bridge closed' : 'could not open the bridge'}${oneLine(why)}`);
  };

  eb.onopen = () => {
    opened = true;
    line(`OPEN ${eb.sockJSConn.transport}`);
    let handled = false;
    eb.registerHandler(args.address, {}, (err, msg) => {
      if (err) {
        finish(2, `ERROR ${oneLine(err.failureCode ?? '')} ${oneLine(err.failureType ?? '')} ${oneLine(err.message ?? '')}`.replace(/\s+/g, ' '));
        return;
      }
      let body = msg.body;
      if (typeof body === 'string') {
        try { body = JSON.parse(body); } catch { /* keep the string */ }
      }
      line(`MESSAGE ${JSON.stringify(body)}`);
      if (handled || !body || body.type !== args['expect-type']) return;
      handled = true;
      if (!args['send-address']) {
        clearTimeout(timer);
        finish(0, 'DONE');
        return;
      }
      const headers = body.connection != null ? { connection: String(body.connection) } : {};
      try {
        eb.send(args['send-address'], sendBody, headers, (sendErr, reply) => {
          // Vert.x writes a failed reply as {type:'err', address:<replyAddress>, failureCode, ...}; accept
          // a 'rec' frame carrying failureCode as well
          const failure = sendErr ?? (reply && reply.failureCode !== undefined ? reply : null);
          if (failure) {
            line(`REPLY-FAILURE ${failure.failureCode ?? failure.failureType ?? '?'} ${oneLine(failure.message ?? '')}`);
          } else {
            line(`REPLY ${JSON.stringify(reply.body)}`);
          }
          clearTimeout(timer);
          finish(0, 'DONE');
        });
      } catch (e) {
        finish(2, `ERROR send failed: ${oneLine(e.message)}`);
      }
    });
    line('READY');
  };
}
