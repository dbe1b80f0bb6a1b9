#!/usr/bin/env node
// A JSON-RPC 2.0 client of a Red RPC server, written as users of the npm packages `json-rpc-2.0`
// (JSONRPCServerAndClient: requests out, server notifications in as methods) and `ws` write one.
// Commands come on stdin, one JSON object per line; results go to stdout, one line each:
//   READY                         the WebSocket is open
//   {"call": "M", "params": P, "tag": "t"}   -> RESULT t <json>  |  FAILED t <code> <message>
//   {"subscribe": "TOPIC", "tag": "t"}       -> SUBSCRIBE then listens: RESULT t <json>, and for each
//                                               notification of TOPIC: NOTIFY TOPIC <json params>
//   CLOSED <code>                 the server closed the socket -> exit 0
//   ERROR <detail>                the socket failed -> exit 2
// usage: node red-client.mjs --url ws://127.0.0.1:PORT/
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { JSONRPCClient, JSONRPCServer, JSONRPCServerAndClient } from 'json-rpc-2.0';
import WebSocket from 'ws';

const { values: args } = parseArgs({ options: { url: { type: 'string' } }, strict: true });
const out = (text) => process.stdout.write(text + '\n');

const socket = new WebSocket(args.url);
const rpc = new JSONRPCServerAndClient(
  new JSONRPCServer(),
  new JSONRPCClient((request) => {
    socket.send(JSON.stringify(request));
    return Promise.resolve();
  }),
);

socket.on('message', (data, isBinary) => {
  if (!isBinary) {
    rpc.receiveAndSend(JSON.parse(data.toString())).catch((e) => process.stderr.write(`${e.message}\n`));
  }
});
socket.on('close', (code) => {
  rpc.rejectAllPendingRequests(`connection closed (${code})`);
  out(`CLOSED ${code}`);
  process.exit(0);
});
socket.on('error', (e) => {
  out(`ERROR ${e.message}`);
  process.exit(2);
});

async function run(command) {
  const tag = command.tag ?? '-';
  try {
    if (command.subscribe) {
      // A Red topic arrives as a JSON-RPC notification whose method is the topic.
      rpc.addMethod(command.subscribe, (params) => out(`NOTIFY ${command.subscribe} ${JSON.stringify(params)}`));
      out(`RESULT ${tag} ${JSON.stringify(await rpc.request('SUBSCRIBE', [command.subscribe]))}`);
    } else {
      out(`RESULT ${tag} ${JSON.stringify(await rpc.request(command.call, command.params))}`);
    }
  } catch (e) {
    out(`FAILED ${tag} ${e.code} ${e.message}`);
  }
}

// Commands are read once the socket is open, so that piped input waits for it.
socket.on('open', () => {
  out('READY');
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim()) {
      run(JSON.parse(line));
    }
  });
});
