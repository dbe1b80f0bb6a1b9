/*
 * gamebus console: the open connections of every server endpoint, from each endpoint's
 * `.connections` request address (every node answers for its own), and a Close button that sends
 * `.close` with the connection header through the bridge. Close asks for a second click first.
 * Refreshed every REFRESH_MS, on connection-opened/closed status events, and on demand.
 */
import { $, text, str, clock } from './dom.js';

const REFRESH_MS = 5000;
const CONFIRM_MS = 4000;       // the "Confirm close" state of a button lasts this long
const COLUMNS = 8;

function base(ep) { return 'gamebus.' + ep.protocol + '.' + ep.name; }

function baseOf(ep) {
  const a = ep.addresses || {};
  return a.in ? a.in.replace(/\.in$/, '') : base(ep);
}

function who(row) {
  if (row.player) return 'player ' + str(row.player.login) + (row.player.id != null ? ' #' + row.player.id : '');
  if (row.session != null) return 'session ' + row.session;
  return '';
}

function age(since) {
  const s = Math.max(0, Math.round((Date.now() - since) / 1000));
  return s < 60 ? s + ' s' : s < 3600 ? Math.floor(s / 60) + ' min' : Math.floor(s / 3600) + ' h';
}

export function createConnectionsTable(bridge, endpointsOf) {
  const el = { rows: $('connection-rows'), note: $('connections-note'), refresh: $('connections-refresh'), result: $('connections-result') };
  let timer = null, soon = null, generation = 0;
  // The close awaiting its second click ({endpoint, connection, until}): the table is redrawn
  // every REFRESH_MS, and a redrawn button must keep it.
  let confirming = null;

  function servers() { return endpointsOf().filter((ep) => ep.role === 'server'); }

  function load() {
    clearTimeout(timer);
    const eps = servers();
    const mine = ++generation;
    if (bridge.state !== 'open') { timer = setTimeout(load, REFRESH_MS); return; }
    Promise.all(eps.map((ep) => bridge.send(baseOf(ep) + '.connections', {}).then(
      (reply) => ({ ep, reply: reply.body || {} }),
      (err) => ({ ep, error: err }))))
      .then((answers) => {
        if (mine !== generation) return;
        render(answers);
        el.note.textContent = 'updated ' + clock(Date.now());
        timer = setTimeout(load, REFRESH_MS);
      });
  }

  function render(answers) {
    el.rows.textContent = '';
    let count = 0;
    answers.forEach(({ ep, reply, error }) => {
      const name = ep.protocol + '.' + ep.name;
      if (error) {
        // e.g. access_denied: bridge.inbound does not permit .connections on this gamebus
        message(name + ': listing refused: ' + failure(error), 'failure');
        return;
      }
      const rows = reply.connections || [];
      rows.forEach((row) => { count++; addRow(ep, name, row); });
      if (reply.total > rows.length) message(name + ': showing ' + rows.length + ' of ' + reply.total + ' connections', 'note');
      if ((reply.unreachable || []).length) message(name + ': node(s) ' + reply.unreachable.join(', ') + ' did not answer', 'failure');
    });
    if (count === 0 && !el.rows.querySelector('tr')) message(servers().length ? 'no open connections' : 'no server endpoints', 'empty');
  }

  function message(what, cls) {
    const tr = el.rows.insertRow();
    tr.className = cls;
    const td = tr.insertCell();
    td.colSpan = COLUMNS;
    td.textContent = what;
  }

  function addRow(ep, name, row) {
    const tr = el.rows.insertRow();
    tr.setAttribute('data-connection', str(row.connection));
    tr.setAttribute('data-endpoint', name);
    tr.insertCell().textContent = name;
    tr.insertCell().appendChild(text('code', str(row.connection)));
    tr.insertCell().textContent = str(row.node);
    tr.insertCell().textContent = str(row.transport) + ' ' + str(row.peer);
    tr.insertCell().textContent = who(row);
    const since = tr.insertCell();
    if (typeof row.since === 'number') {
      since.appendChild(text('time', clock(row.since)));
      since.appendChild(text('span', ' (' + age(row.since) + ')', 'muted'));
    }
    const n = tr.insertCell();
    n.className = 'num';
    n.textContent = str(row.in) + ' / ' + str(row.sent);
    const act = tr.insertCell();
    const b = text('button', 'Close', 'close-connection');
    b.type = 'button';
    b.title = 'close this connection (the peer is disconnected)';
    b.addEventListener('click', () => closeClicked(b, ep, name, row.connection));
    if (confirming && confirming.endpoint === name && confirming.connection === row.connection && Date.now() < confirming.until) {
      askConfirm(b, confirming.until - Date.now());
    }
    act.appendChild(b);
  }

  function askConfirm(button, ms) {
    button.setAttribute('data-confirm', 'true');
    button.textContent = 'Confirm close';
    setTimeout(() => { button.removeAttribute('data-confirm'); button.textContent = 'Close'; }, ms);
  }

  function closeClicked(button, ep, name, connection) {
    if (button.getAttribute('data-confirm') !== 'true') {
      confirming = { endpoint: name, connection, until: Date.now() + CONFIRM_MS };
      askConfirm(button, CONFIRM_MS);
      return;
    }
    confirming = null;
    button.disabled = true;
    show('pending', 'closing ' + connection + '…');
    bridge.send(baseOf(ep) + '.close', { reason: 'closed from the gamebus console' }, { connection })
      .then((reply) => show('ok', connection + ': ' + JSON.stringify(reply.body)),
        (err) => { button.disabled = false; show('failure', connection + ': ' + failure(err)); })
      .then(refreshSoon);
  }

  function failure(err) {
    return 'failure' + (err.failureCode != null ? ' ' + err.failureCode : '') + (err.failureType ? ' ' + err.failureType : '') + ': ' + err.message;
  }

  function show(outcome, what) {
    el.result.setAttribute('data-outcome', outcome);
    el.result.className = outcome;
    el.result.textContent = what;
  }

  function refreshSoon() {
    clearTimeout(soon);
    soon = setTimeout(load, 300);
  }

  el.refresh.addEventListener('click', load);

  return { load, refreshSoon };
}
