/*
 * gamebus console: the endpoints table (from /api/endpoints) with each endpoint's message rates as
 * an inline SVG sparkline: messages in (.in) and sent (.sent) per second over the last SPARK_SECONDS,
 * counted from what this page received (so while the bridge was down nothing is counted).
 */
import { $, text, cssToken } from './dom.js';

export const SPARK_SECONDS = 60;
const RATE_SECONDS = 5;           // the msg/s figure is the mean over this many whole seconds
const SPARK_W = 96, SPARK_H = 20;
const SVG = 'http://www.w3.org/2000/svg';

export function key(protocol, endpoint) { return protocol + '.' + endpoint; }

/** Per-second counts of one endpoint, one ring per direction. */
function newCounts() { return { in: new Array(SPARK_SECONDS).fill(0), sent: new Array(SPARK_SECONDS).fill(0), second: 0 }; }

export function createEndpointsTable() {
  const tbody = $('endpoint-rows');
  const counts = new Map(); // key -> counts
  let list = [];

  function roll(c, now) {
    const second = Math.floor(now / 1000);
    if (!c.second) c.second = second;
    const steps = Math.min(SPARK_SECONDS, second - c.second);
    for (let i = 0; i < steps; i++) { c.in.shift(); c.in.push(0); c.sent.shift(); c.sent.push(0); }
    if (steps > 0) c.second = second;
  }

  /** Counts one message of an endpoint in a direction ("in" or "sent"). */
  function count(protocol, endpoint, direction) {
    const k = key(protocol, endpoint);
    if (!counts.has(k)) counts.set(k, newCounts());
    const c = counts.get(k);
    roll(c, Date.now());
    c[direction][SPARK_SECONDS - 1]++;
  }

  function render(endpoints) {
    list = endpoints;
    tbody.textContent = '';
    if (endpoints.length === 0) {
      const tr0 = tbody.insertRow();
      tr0.className = 'empty';
      const td0 = tr0.insertCell();
      td0.colSpan = 8;
      td0.textContent = 'no endpoints configured';
      return;
    }
    endpoints.forEach((ep) => {
      const tr = tbody.insertRow();
      tr.setAttribute('data-protocol', ep.protocol);
      tr.setAttribute('data-endpoint', ep.name);
      const name = tr.insertCell();
      name.appendChild(text('strong', ep.protocol + '.' + ep.name));
      tr.insertCell().textContent = ep.node || '';
      tr.insertCell().textContent = ep.role || '';
      tr.insertCell().appendChild(text('span', ep.state || '?', 'badge state-' + cssToken(ep.state)));
      const li = tr.insertCell();
      li.className = 'listeners';
      (ep.listeners || []).forEach((l) => li.appendChild(text('code', l)));
      const conns = tr.insertCell();
      conns.className = 'num';
      conns.textContent = ep.connections == null ? '' : String(ep.connections);
      const c = ep.counters || {};
      const ctr = tr.insertCell();
      ctr.className = 'num';
      ctr.textContent = [c.in, c.out, c.badInput].map((v) => (v == null ? '–' : v)).join(' / ');
      const rate = tr.insertCell();
      rate.className = 'rate';
      rate.setAttribute('data-key', key(ep.protocol, ep.name));
      rate.appendChild(sparkline());
      rate.appendChild(text('span', '', 'num rate-figure'));
    });
    update();
  }

  function sparkline() {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('width', SPARK_W);
    svg.setAttribute('height', SPARK_H);
    svg.setAttribute('viewBox', '0 0 ' + SPARK_W + ' ' + SPARK_H);
    svg.setAttribute('role', 'img');
    ['in', 'sent'].forEach((d) => {
      const line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('class', 'spark-' + d);
      line.setAttribute('fill', 'none');
      svg.appendChild(line);
    });
    return svg;
  }

  function points(values, max) {
    const step = SPARK_W / (SPARK_SECONDS - 1);
    return values.map((v, i) => (i * step).toFixed(1) + ',' + (SPARK_H - 1 - (v / max) * (SPARK_H - 2)).toFixed(1)).join(' ');
  }

  /** Redraws every sparkline and msg/s figure (called each second). */
  function update() {
    const now = Date.now();
    tbody.querySelectorAll('td.rate').forEach((td) => {
      const c = counts.get(td.getAttribute('data-key')) || newCounts();
      roll(c, now);
      const max = Math.max(1, ...c.in, ...c.sent);
      const svg = td.querySelector('svg');
      svg.querySelector('.spark-in').setAttribute('points', points(c.in, max));
      svg.querySelector('.spark-sent').setAttribute('points', points(c.sent, max));
      const sum = (a) => a.reduce((x, y) => x + y, 0);
      const recent = (a) => sum(a.slice(SPARK_SECONDS - 1 - RATE_SECONDS, SPARK_SECONDS - 1)) / RATE_SECONDS;
      svg.setAttribute('data-in', String(sum(c.in)));
      svg.setAttribute('data-sent', String(sum(c.sent)));
      svg.setAttribute('aria-label', sum(c.in) + ' in, ' + sum(c.sent) + ' sent in the last ' + SPARK_SECONDS + ' s');
      td.querySelector('.rate-figure').textContent = recent(c.in).toFixed(1) + ' / ' + recent(c.sent).toFixed(1);
    });
  }

  return { render, count, update, endpoints: () => list };
}
