/*
 * gamebus console: one timeline of what every endpoint received (.in, "in ←"), wrote to a peer
 * (.sent, "sent →") and announced (.status). Rows expand to the pretty-printed message with a copy
 * button; filters by endpoint, type, connection, body text and kind; Pause buffers new entries
 * (up to PAUSE_LIMIT, past it the oldest buffered are dropped and counted) and Resume shows them.
 */
import { $, text, str, cssToken, clock, compactJson, nodeOf, fillSelect, copyText } from './dom.js';

export const MAX_ROWS = 1000;      // entries kept in the table (the oldest go first)
export const PAUSE_LIMIT = 1000;   // entries buffered while paused; past it the oldest buffered are dropped
const BODY_INLINE = 160;           // the row shows this much of the body; the expansion shows all
const COLUMNS = 8;

const DIRECTION = { in: 'in ←', sent: 'sent →', status: 'status' };

export function createTimeline(prefs, onChange) {
  const el = {
    rows: $('traffic-rows'), count: $('traffic-count'), pause: $('pause'), clear: $('clear'),
    pauseState: $('pause-state'), endpoint: $('filter-endpoint'), type: $('filter-type'),
    connection: $('filter-connection'), text: $('filter-text'),
    kinds: { in: $('filter-in'), sent: $('filter-sent'), status: $('filter-status') }
  };
  const endpoints = new Set();
  let received = 0, kept = 0, paused = false, buffered = [], droppedWhilePaused = 0;

  // ---- restoring and keeping the filters ---------------------------------------------------

  const f = prefs.filters || {};
  if (f.endpoint) { endpoints.add(f.endpoint); fillSelect(el.endpoint, endpoints, 'all'); el.endpoint.value = f.endpoint; }
  el.type.value = str(f.type);
  el.connection.value = str(f.connection);
  el.text.value = str(f.text);
  Object.keys(el.kinds).forEach((k) => { el.kinds[k].checked = !(f.kinds && f.kinds[k] === false); });

  function filters() {
    const kinds = {};
    Object.keys(el.kinds).forEach((k) => { kinds[k] = el.kinds[k].checked; });
    return { endpoint: el.endpoint.value, type: el.type.value, connection: el.connection.value, text: el.text.value, kinds };
  }

  // ---- entries -----------------------------------------------------------------------------

  /** An envelope of .in (kind "in") or .sent (kind "sent"). */
  function addEnvelope(env, kind) {
    add({
      kind, ts: env.ts, protocol: env.protocol, endpoint: env.endpoint, connection: env.connection,
      node: env.node || nodeOf(env.connection), type: env.type, seq: env.seq, body: env.body, whole: env,
      recipients: env.recipients
    });
  }

  /** A .status event: its state in the type column, its detail in the body column. */
  function addStatus(ev) {
    add({
      kind: 'status', ts: ev.ts, protocol: ev.protocol, endpoint: ev.endpoint, connection: ev.connection,
      node: ev.node, type: ev.state, body: ev.detail, whole: ev
    });
  }

  function add(entry) {
    received++;
    const ep = str(entry.protocol) + '.' + str(entry.endpoint);
    if (!endpoints.has(ep)) { endpoints.add(ep); fillSelect(el.endpoint, endpoints, 'all'); }
    if (paused) {
      buffered.push(entry);
      if (buffered.length > PAUSE_LIMIT) { buffered.shift(); droppedWhilePaused++; }
      showPauseState();
    } else {
      addRow(entry);
    }
    updateCount();
  }

  function addRow(entry) {
    const tr = document.createElement('tr');
    tr.className = 'entry kind-' + entry.kind;
    tr.tabIndex = 0;
    tr.setAttribute('data-kind', entry.kind);
    tr.setAttribute('data-protocol', str(entry.protocol));
    tr.setAttribute('data-endpoint', str(entry.protocol) + '.' + str(entry.endpoint));
    tr.setAttribute('data-type', str(entry.type));
    tr.setAttribute('data-connection', str(entry.connection));
    tr.setAttribute('data-node', str(entry.node));
    if (entry.seq != null) tr.setAttribute('data-seq', String(entry.seq));
    const body = entry.kind === 'status' ? str(entry.body) : compactJson(entry.body);
    tr.entry = entry;
    // The JSON escapes quotes and backslashes: the strings as written are searched too.
    tr.bodyText = (body + '\n' + strings(entry.body).join('\n')).toLowerCase();

    const t = tr.insertCell();
    const time = text('time', clock(entry.ts));
    if (typeof entry.ts === 'number') { time.dateTime = new Date(entry.ts).toISOString(); time.title = time.dateTime; }
    t.appendChild(time);
    tr.insertCell().appendChild(text('span', DIRECTION[entry.kind], 'dir dir-' + entry.kind));
    tr.insertCell().textContent = str(entry.node);
    tr.insertCell().textContent = str(entry.protocol) + '.' + str(entry.endpoint);
    const c = tr.insertCell();
    c.className = 'conn';
    if (entry.connection) {
      const b = text('button', str(entry.connection), 'link');
      b.type = 'button';
      b.title = 'use this connection in the send form';
      c.appendChild(b);
    } else if (entry.recipients != null) { // a .sent broadcast: written to that many connections at once
      c.appendChild(text('span', 'all (' + str(entry.recipients) + ')', 'broadcast'));
      c.title = 'a broadcast, written to ' + str(entry.recipients) + ' connections';
    }
    const ty = tr.insertCell();
    ty.appendChild(entry.kind === 'status' ? text('span', str(entry.type), 'badge state-' + cssToken(entry.type))
      : text('code', str(entry.type), 'type'));
    const s = tr.insertCell();
    s.className = 'num';
    s.textContent = entry.seq == null ? '' : String(entry.seq);
    const b = tr.insertCell();
    b.className = 'body';
    b.textContent = body.length <= BODY_INLINE ? body : body.slice(0, BODY_INLINE) + '…';

    tr.hidden = !matches(tr);
    el.rows.insertBefore(tr, el.rows.firstChild);
    kept++;
    while (kept > MAX_ROWS) {
      const last = el.rows.lastElementChild;
      removeRow(last.classList.contains('detail') ? last.previousElementSibling : last);
    }
  }

  /** Every string inside a value, for the body-text filter. */
  function strings(value, out = []) {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
    return out;
  }

  function removeRow(tr) {
    if (tr.detail) tr.detail.remove();
    tr.remove();
    kept--;
  }

  // ---- expansion and copy ------------------------------------------------------------------

  function toggle(tr) {
    if (tr.detail) { tr.detail.remove(); tr.detail = null; tr.setAttribute('aria-expanded', 'false'); return; }
    const detail = document.createElement('tr');
    detail.className = 'detail';
    detail.hidden = tr.hidden;
    const cell = detail.insertCell();
    cell.colSpan = COLUMNS;
    const pretty = JSON.stringify(tr.entry.whole, null, 2);
    const bar = text('div', '', 'detail-bar');
    const copy = text('button', 'Copy', 'copy');
    copy.type = 'button';
    const result = text('output', '', 'muted small copy-result');
    copy.addEventListener('click', () => {
      copyText(pretty).then(() => { result.textContent = 'copied'; }, (e) => { result.textContent = 'copy failed: ' + e.message; });
    });
    bar.appendChild(copy);
    bar.appendChild(result);
    cell.appendChild(bar);
    cell.appendChild(text('pre', pretty, 'json'));
    tr.after(detail);
    tr.detail = detail;
    tr.setAttribute('aria-expanded', 'true');
  }

  el.rows.addEventListener('click', (e) => {
    if (e.target.closest('td.conn button, tr.detail')) return;
    const tr = e.target.closest('tr.entry');
    if (tr) toggle(tr);
  });
  el.rows.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('tr.entry')) { e.preventDefault(); toggle(e.target); }
  });

  // ---- filters -----------------------------------------------------------------------------

  function matches(tr) {
    const v = filters();
    if (!v.kinds[tr.getAttribute('data-kind')]) return false;
    if (v.endpoint && tr.getAttribute('data-endpoint') !== v.endpoint) return false;
    const ty = v.type.trim().toLowerCase();
    if (ty && tr.getAttribute('data-type').toLowerCase().indexOf(ty) < 0) return false;
    const conn = v.connection.trim();
    if (conn && tr.getAttribute('data-connection').indexOf(conn) < 0) return false;
    const t = v.text.trim().toLowerCase();
    if (t && tr.bodyText.indexOf(t) < 0) return false;
    return true;
  }

  function applyFilters() {
    el.rows.querySelectorAll('tr.entry').forEach((tr) => {
      tr.hidden = !matches(tr);
      if (tr.detail) tr.detail.hidden = tr.hidden;
    });
    updateCount();
    onChange();
  }

  function updateCount() {
    const rows = el.rows.querySelectorAll('tr.entry');
    let shown = 0;
    rows.forEach((r) => { if (!r.hidden) shown++; });
    el.count.textContent = shown + ' shown · ' + rows.length + ' kept (newest ' + MAX_ROWS + ') · ' + received + ' received';
  }

  [el.endpoint, ...Object.values(el.kinds)].forEach((input) => input.addEventListener('change', applyFilters));
  [el.type, el.connection, el.text].forEach((input) => input.addEventListener('input', applyFilters));

  // ---- pause -------------------------------------------------------------------------------

  function showPauseState() {
    el.pause.setAttribute('aria-pressed', String(paused));
    el.pause.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) return;
    el.pauseState.setAttribute('data-buffered', String(buffered.length));
    el.pauseState.setAttribute('data-dropped', String(droppedWhilePaused));
    el.pauseState.textContent = 'paused — ' + buffered.length + ' new buffered (at most ' + PAUSE_LIMIT
      + '; past that the oldest buffered are dropped' + (droppedWhilePaused ? ': ' + droppedWhilePaused + ' dropped so far' : '') + ')';
  }

  function setPaused(on) {
    if (on === paused) return;
    paused = on;
    if (paused) {
      buffered = [];
      droppedWhilePaused = 0;
    } else {
      const shown = buffered.length, dropped = droppedWhilePaused;
      buffered.forEach(addRow);
      buffered = [];
      el.pauseState.removeAttribute('data-buffered');
      el.pauseState.textContent = 'resumed — ' + shown + ' buffered shown' + (dropped ? ', ' + dropped + ' dropped past the bound' : '');
      updateCount();
    }
    showPauseState();
    onChange();
  }

  el.pause.addEventListener('click', () => setPaused(!paused));
  el.clear.addEventListener('click', () => {
    el.rows.textContent = '';
    kept = 0;
    updateCount();
  });
  $('filters').addEventListener('submit', (e) => e.preventDefault());

  if (prefs.paused) { paused = true; showPauseState(); } // restored as it was: nothing to save
  updateCount();

  return {
    addEnvelope, addStatus,
    /** Endpoint names ("protocol.endpoint") to offer in the filter before any traffic. */
    knownEndpoints(list) { list.forEach((ep) => endpoints.add(ep)); fillSelect(el.endpoint, endpoints, 'all'); },
    /** What to keep across a reload. */
    state() { return { filters: filters(), paused }; }
  };
}
