#!/usr/bin/env node
// Drives a Modrinth Hosting node ("Archon") with the OFFICIAL @modrinth/api-client, unchanged:
// GenericModrinthClient + AuthFeature, client.archon.sockets (safeConnect, on, send, disconnect,
// its own renewal on auth-expiring and reconnect after a close other than 1000) and
// client.archon.servers_v0.power. It takes commands on stdin and reports on stdout, one line each.
//
// Node 20 has no global WebSocket unless started with --experimental-websocket (Node 22+ has one);
// the client uses the global one. The script only observes it: the global is replaced by a subclass
// that reports opens, closes and auth frames, and globalThis.fetch by a wrapper that reports each
// REST call (the client reaches fetch through ofetch, which looks the global up on every call).
//
// stdin commands:
//   connect            client.archon.sockets.safeConnect(server)
//   send <json>        client.archon.sockets.send(server, <json>)
//   power <action>     client.archon.servers_v0.power(server, action)   (Start|Stop|Restart|Kill)
//   status             client.archon.sockets.getStatus(server)
//   disconnect         client.archon.sockets.disconnect(server)
//   exit               exit 0
// stdout lines:
//   READY                            listeners are set up; commands are read
//   CONNECTED / CONNECT-FAILED <status|-> <message>
//   SENT
//   POWER-OK / POWER-FAILED <status|-> <message>
//   STATUS <json>                    getStatus() (null when there is no connection)
//   DISCONNECTED
//   EVENT <json>                     an event the client emitted through on(server, <event>)
//   HTTP <method> <path> <status|->  a REST call the client made (token or power)
//   WS-OPEN <url>                    a socket opened
//   WS-AUTH <fingerprint>            the client sent {"event":"auth"}; 12 hex of sha256(jwt), never the jwt
//   WS-CLOSING <code> <reason>       the client closes a socket itself, with that status
//   WS-CLOSE <code> <reason>         a socket closed (the status the client's close event reports)
//   CONSOLE <level> <text>           the client's own console output, on one line
//   ERROR <detail>                   the script cannot run -> exit 2
//
// usage: node --experimental-websocket modrinth-client.mjs --base-url http://127.0.0.1:PORT
//          --token API_TOKEN [--server demo] [--events log,stats,...]
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const ALL_EVENTS = ['auth-ok', 'auth-incorrect', 'auth-expiring', 'log', 'log4j', 'stats', 'power-state', 'state',
  'uptime', 'backup-progress', 'installation-result', 'new-mod', 'install-progress', 'filesystem-ops'];

function line(text) {
  process.stdout.write(text + '\n');
}

function oneLine(v) {
  return String(v).replace(/\s+/g, ' ');
}

function fail(detail) {
  line(`ERROR ${oneLine(detail)}`);
  process.stdout.write('', () => process.exit(2));
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      server: { type: 'string', default: 'demo' },
      events: { type: 'string', default: ALL_EVENTS.join(',') },
    },
    strict: true,
  }));
  for (const required of ['base-url', 'token']) {
    if (!args[required]) throw new Error(`--${required} is required`);
  }
} catch (e) {
  fail(`bad arguments: ${e.message}`);
}

if (typeof globalThis.WebSocket !== 'function') {
  fail('no global WebSocket: start node 20 with --experimental-websocket (node 22 and later have it)');
} else {
  await main();
}

function observeTheGlobals() {
  const Native = globalThis.WebSocket;
  globalThis.WebSocket = class ObservedWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('open', () => line(`WS-OPEN ${url}`));
      this.addEventListener('close', (e) => line(`WS-CLOSE ${e.code} ${oneLine(e.reason)}`));
    }

    send(data) {
      if (typeof data === 'string' && data.includes('"auth"')) {
        try {
          const frame = JSON.parse(data);
          if (frame.event === 'auth') {
            line(`WS-AUTH ${createHash('sha256').update(String(frame.jwt)).digest('hex').slice(0, 12)}`);
          }
        } catch { /* not JSON: passed on as it is */ }
      }
      return super.send(data);
    }

    close(code, reason) {
      line(`WS-CLOSING ${code ?? '-'} ${oneLine(reason ?? '')}`);
      return super.close(code, reason);
    }
  };
  const nativeFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    try {
      const response = await nativeFetch(request);
      line(`HTTP ${request.method} ${path} ${response.status}`);
      return response;
    } catch (e) {
      line(`HTTP ${request.method} ${path} -`);
      throw e;
    }
  };
  for (const level of ['debug', 'log', 'info', 'warn', 'error']) {
    console[level] = (...parts) => line(`CONSOLE ${level} ${oneLine(parts.map(describe).join(' '))}`);
  }
}

function describe(part) {
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  if (typeof part === 'object' && part !== null) {
    try { return JSON.stringify(part); } catch { return String(part); }
  }
  return String(part);
}

function failure(e) {
  return `${e?.statusCode ?? '-'} ${oneLine(e?.message ?? e)}`;
}

async function main() {
  observeTheGlobals();
  const { GenericModrinthClient, AuthFeature } = await import('@modrinth/api-client');
  const client = new GenericModrinthClient({
    archonBaseUrl: args['base-url'],
    features: [new AuthFeature({ token: args.token })],
  });
  const sockets = client.archon.sockets;
  const server = args.server;
  const events = args.events.split(',').filter(Boolean);

  // disconnect() drops every listener of the server id, so they are added again after it
  const subscribe = () => {
    for (const event of events) {
      sockets.on(server, event, (data) => line(`EVENT ${JSON.stringify(data)}`));
    }
  };
  subscribe();

  const commands = {
    connect: () => sockets.safeConnect(server).then(() => line('CONNECTED'), (e) => line(`CONNECT-FAILED ${failure(e)}`)),
    send: (rest) => {
      sockets.send(server, JSON.parse(rest));
      line('SENT');
    },
    power: (rest) => client.archon.servers_v0.power(server, rest.trim())
      .then(() => line('POWER-OK'), (e) => line(`POWER-FAILED ${failure(e)}`)),
    status: () => line(`STATUS ${JSON.stringify(sockets.getStatus(server))}`),
    disconnect: () => {
      sockets.disconnect(server);
      subscribe();
      line('DISCONNECTED');
    },
    exit: () => process.stdout.write('', () => process.exit(0)),
  };

  const input = createInterface({ input: process.stdin });
  input.on('line', (text) => {
    const space = text.indexOf(' ');
    const name = space < 0 ? text.trim() : text.slice(0, space);
    const command = commands[name];
    if (!command) {
      line(`CONSOLE error unknown command ${oneLine(text)}`);
      return;
    }
    Promise.resolve().then(() => command(space < 0 ? '' : text.slice(space + 1)))
      .catch((e) => line(`CONSOLE error ${name} failed: ${oneLine(e?.message ?? e)}`));
  });
  // stdin closed: the test ended; leave without waiting for the client's reconnect timers
  input.on('close', () => process.stdout.write('', () => process.exit(0)));
  line('READY');
}
