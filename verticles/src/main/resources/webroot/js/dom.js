/* gamebus console: small DOM and formatting helpers shared by the modules. All text goes in via textContent. */

export const $ = (id) => document.getElementById(id);

export function text(tag, content, cls) {
  const n = document.createElement(tag);
  n.textContent = content;
  if (cls) n.className = cls;
  return n;
}

export function str(v) { return v == null ? '' : String(v); }

export function cssToken(v) { return String(v || 'unknown').toLowerCase().replace(/[^a-z0-9-]+/g, '-'); }

export function clock(ts) {
  if (typeof ts !== 'number') return str(ts);
  const d = new Date(ts);
  const p = (n, w) => String(n).padStart(w || 2, '0');
  return p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds()) + '.' + p(d.getMilliseconds(), 3);
}

/** A bridge body as an object: JSON text is parsed, anything else is wrapped. */
export function asObject(body) {
  if (typeof body === 'string') { try { return JSON.parse(body); } catch (e) { return { body }; } }
  return body || {};
}

/** The node that owns a connection: its id is "<node>-<n>" (NodeIdentity). */
export function nodeOf(connection) {
  const s = str(connection), dash = s.indexOf('-');
  return dash > 0 ? s.slice(0, dash) : '';
}

export function compactJson(value) {
  try { return JSON.stringify(value === undefined ? null : value); } catch (e) { return String(value); }
}

/** Replaces a select's options by values (kept sorted), keeping the current choice even if unknown. */
export function fillSelect(select, values, allLabel) {
  const current = select.value;
  const wanted = new Set(values);
  if (current) wanted.add(current);
  const have = Array.from(select.options).map((o) => o.value).filter((v) => v);
  const next = Array.from(wanted).sort();
  if (have.join('\n') === next.join('\n')) return;
  select.textContent = '';
  select.add(new Option(allLabel, ''));
  next.forEach((v) => select.add(new Option(v, v)));
  select.value = current;
}

/** Copies text to the clipboard; resolves, or rejects with why (no clipboard on plain http from afar). */
export function copyText(value) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(value);
  return new Promise((resolve, reject) => {
    const area = document.createElement('textarea');
    area.value = value;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (ok) resolve(); else reject(new Error('the browser refused to copy'));
  });
}
