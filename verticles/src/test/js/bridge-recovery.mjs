#!/usr/bin/env node
// A page that recovers what it missed: the OFFICIAL client (@vertx/eventbus-bridge-client.js)
// listens on --address, remembers the seq of the last envelope it saw, and on command closes and
// reconnects, registering again with headers {lastSeq: "<that seq>"} (gamebus's recovery).
// Commands on stdin, one per line:
//   close       closes the bridge connection               -> CLOSED
//   reconnect   opens a new one and registers with lastSeq -> READY
// stdout, one line per fact:
//   READY                  the register frame was sent
//   MESSAGE <seq>          an envelope arrived
//   RECOVERY <json body>   the recovery report arrived (header gamebus-recovery)
//   CLOSED                 the connection closed after `close`
//   ERROR <detail>         the bridge sent an err, or the socket closed unasked -> exit 2
//
// usage: node bridge-recovery.mjs --url http://127.0.0.1:PORT/eventbus --address test.feed
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const EventBus = require('@vertx/eventbus-bridge-client.js');

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, address: { type: 'string' } },
  strict: true,
});

let lastSeq = null;
let eb = null;
let closing = false;

function line(text) {
  process.stdout.write(text + '\n');
}

function fail(detail) {
  line(`ERROR ${String(detail).replace(/\s+/g, ' ')}`);
  process.stdout.write('', () => process.exit(2));
}

function connect() {
  eb = new EventBus(args.url, { vertxbus_ping_interval: 5000 });
  eb.onerror = (err) => fail(err && err.body !== undefined ? err.body : JSON.stringify(err));
  eb.onclose = (e) => {
    if (closing) {
      closing = false;
      line('CLOSED');
    } else {
      fail(`bridge closed (${e && e.code} ${e && e.reason})`);
    }
  };
  eb.onopen = () => {
    const headers = lastSeq === null ? {} : { lastSeq: String(lastSeq) };
    eb.registerHandler(args.address, headers, (err, msg) => {
      if (err) {
        fail(`${err.failureCode} ${err.failureType} ${err.message}`);
        return;
      }
      if (msg.headers && msg.headers['gamebus-recovery']) {
        line(`RECOVERY ${JSON.stringify(msg.body)}`);
        return;
      }
      lastSeq = msg.body.seq;
      line(`MESSAGE ${lastSeq}`);
    });
    line('READY');
  };
}

createInterface({ input: process.stdin }).on('line', (command) => {
  if (command === 'close') {
    closing = true;
    eb.close();
  } else if (command === 'reconnect') {
    connect();
  } else if (command === 'exit') {
    process.exit(0);
  }
});

connect();
