// Clausewise playground: a client of the public REST API only. Everything the server sends is shown as text
// (textContent or escaped), never parsed as HTML: policy documents and YAML are data.

const DIMS = ['practice', 'data', 'recipient', 'purpose', 'subject', 'region', 'destination'];
const CTX = ['consent', 'optedOut', 'identifiability', 'age', 'legalProcess', 'doNotTrack'];
const LABELS = { practice: 'Practice', data: 'Data', recipient: 'Recipient', purpose: 'Purpose', subject: 'Subject',
  region: 'Region (user)', destination: 'Destination' };
const PLACEHOLDER = { practice: 'e.g. share, sell, collect', data: 'e.g. email, cookie', recipient: 'e.g. advert, service',
  purpose: 'e.g. marketing', subject: 'e.g. child, visitor', region: 'ISO code or group: FR, US-CA, EU', destination: 'e.g. US' };
const OUTCOMES = {
  ALLOW: { icon: '\u2713', short: 'A', gloss: 'permitted' },
  ALLOW_WITH_CONDITIONS: { icon: '?', short: 'A?', gloss: 'permitted only if the conditions hold' },
  DENY: { icon: '\u2715', short: 'D', gloss: 'forbidden by the policy' },
  NOT_ADDRESSED: { icon: '\u2205', short: '\u2013', gloss: 'the policy is silent' },
  DEPENDS: { icon: '\u2248', short: '~', gloss: 'it depends: narrower cases are answered differently' },
};

const $ = (s, root = document) => root.querySelector(s);
const $$ = (s, root = document) => [...root.querySelectorAll(s)];

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

async function api(method, path, { body, type, headers } = {}) {
  const h = { ...(type ? { 'content-type': type } : {}), ...(headers || {}) };
  const r = await fetch(path, { method, headers: h, body });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON: keep the text */ }
  return { status: r.status, ok: r.ok, json, text };
}

function status(msg) { $('#status').textContent = msg || ''; }

function busy(button, on) { if (button) button.disabled = on; }

function outcomeChip(outcome) {
  const o = OUTCOMES[outcome] || { icon: '', gloss: '' };
  return el('span', { class: `chip o-${outcome}`, title: o.gloss }, `${o.icon} ${outcome}`);
}

function problemList(json, fallback) {
  const errs = json && Array.isArray(json.errors) && json.errors.length ? json.errors
    : [{ field: null, message: (json && (json.detail || json.message)) || fallback }];
  return el('ul', {}, errs.map((e) => el('li', {}, e.field ? el('code', {}, e.field) : null, e.field ? ': ' : '', e.message,
    e.help ? el('span', { class: 'help' }, ` \u2014 ${e.help}`) : null)));
}

// ------------------------------------------------------------------------------------------------ vocabulary

const vocab = { dims: {} };

async function loadVocabulary() {
  const r = await api('GET', '/v1/vocabulary');
  if (!r.ok) throw new Error('vocabulary: ' + r.status);
  for (const [dim, v] of Object.entries(r.json)) {
    const entries = new Map();
    const keys = v.keys || v.groups || {};
    for (const [key, desc] of Object.entries(keys)) entries.set(key, { key, desc: String(desc || ''), aliases: [] });
    for (const [alias, targets] of Object.entries(v.aliases || {})) {
      for (const t of targets) entries.get(t)?.aliases.push(alias);
    }
    vocab.dims[dim] = [...entries.values()];
  }
  vocab.dims.destination = vocab.dims.region;
}

/** Keys of a dimension that match what was typed: key segments, aliases, then words of the description. */
function searchVocabulary(dim, typed) {
  const list = vocab.dims[dim] || [];
  const q = typed.trim().toLowerCase();
  if (!q) return list.slice(0, 60).map((e) => ({ e, via: null }));
  const scored = [];
  for (const e of list) {
    const key = e.key.toLowerCase();
    let score = null; let via = null;
    if (key === q) score = 0;
    else if (key.startsWith(q)) score = 1;
    else if (key.split(/[._]/).some((s) => s.startsWith(q))) score = 2;
    const alias = e.aliases.find((a) => a.toLowerCase().includes(q));
    if (alias && (score == null || score > 2)) { score = alias.toLowerCase().startsWith(q) ? 2 : 3; via = alias; }
    if (score == null && key.includes(q)) score = 3;
    if (score == null && new RegExp(`\\b${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(e.desc.toLowerCase())) score = 4;
    if (score != null) scored.push({ e, via, score });
  }
  scored.sort((a, b) => a.score - b.score || a.e.key.length - b.e.key.length || a.e.key.localeCompare(b.e.key));
  return scored.slice(0, 40);
}

let comboSeq = 0;

/** An input with a listbox of vocabulary keys (ARIA combobox): arrows move, Enter picks, Escape closes. */
function combobox(dim, input) {
  const id = `lb-${++comboSeq}`;
  const list = el('ul', { id, role: 'listbox', hidden: true, 'aria-label': `${LABELS[dim]} keys` });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', id);
  input.after(list);
  let items = []; let active = -1;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const mark = (i) => {
    active = i;
    $$('li', list).forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) { input.setAttribute('aria-activedescendant', `${id}-${i}`); list.children[i].scrollIntoView({ block: 'nearest' }); }
  };
  const pick = (i) => { input.value = items[i].e.key; close(); input.dispatchEvent(new Event('change', { bubbles: true })); };
  const open = () => {
    items = searchVocabulary(dim, input.value);
    list.replaceChildren(...items.map(({ e, via }, i) => el('li', {
      id: `${id}-${i}`, role: 'option', 'aria-selected': 'false', dataset: { key: e.key },
      onmousedown: (ev) => { ev.preventDefault(); pick(i); },
    }, el('span', { class: 'k' }, e.key), via ? el('span', { class: 'a' }, `  \u2190 ${via}`) : null, el('span', { class: 'd' }, e.desc))));
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    active = -1;
  };
  input.addEventListener('input', open);
  input.addEventListener('focus', () => { if (input.value) open(); });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) { open(); }
      if (!items.length) return;
      const next = ev.key === 'ArrowDown' ? Math.min(active + 1, items.length - 1) : Math.max(active - 1, 0);
      mark(next);
    } else if (ev.key === 'Enter' && !list.hidden && active >= 0) {
      ev.preventDefault(); pick(active);
    } else if (ev.key === 'Escape' && !list.hidden) {
      ev.preventDefault(); close();
    }
  });
}

// ------------------------------------------------------------------------------------------------ question form

const state = { view: 'ask', policies: [], decision: null, docs: new Map(), docPolicy: null };

function buildQuestionForm() {
  const box = $('#q-fields');
  for (const d of DIMS) {
    const input = el('input', { id: `q-${d}`, name: d, type: 'text', placeholder: PLACEHOLDER[d], spellcheck: 'false', autocapitalize: 'off' });
    box.append(el('label', { for: `q-${d}` }, LABELS[d]), el('div', { class: 'combo' }, input));
    combobox(d, input);
  }
}

function question() {
  const q = { policy: $('#q-policy').value };
  for (const d of DIMS) { const v = $(`#q-${d}`).value.trim(); if (v) q[d] = v; }
  const ctx = {};
  for (const c of CTX) { const v = $(`#c-${c}`).value.trim(); if (v) ctx[c] = v; }
  return { q, ctx };
}

function setQuestion(params) {
  if (params.policy != null) $('#q-policy').value = params.policy;
  for (const d of DIMS) $(`#q-${d}`).value = params[d] || '';
  for (const c of CTX) $(`#c-${c}`).value = params[c] || '';
}

/** The JSON body of POST /v1/decisions: context values typed as the API takes them. */
function decisionBody({ q, ctx }, policy) {
  const body = { ...q, policy };
  const context = {};
  for (const [k, v] of Object.entries(ctx)) {
    context[k] = k === 'age' ? Number(v) : (v === 'true' ? true : v === 'false' ? false : v);
  }
  if (Object.keys(context).length) body.context = context;
  body.explain = 'full';
  return body;
}

function questionParams({ q, ctx }) {
  const p = new URLSearchParams();
  for (const d of DIMS) if (q[d]) p.set(d, q[d]);
  for (const [k, v] of Object.entries(ctx)) p.set(k, v);
  return p;
}

function showQuestionErrors(json, fallback) {
  const box = $('#q-errors');
  box.replaceChildren();
  $$('#question [aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  if (!json && !fallback) return;
  box.append(problemList(json, fallback));
  for (const e of (json && json.errors) || []) {
    const name = String(e.field || '').replace(/^context\./, '');
    const input = $(`#q-${name}`) || $(`#c-${name}`);
    if (input) input.setAttribute('aria-invalid', 'true');
  }
}

// ------------------------------------------------------------------------------------------------ ask

async function ask() {
  const qs = question();
  if (qs.q.policy === '*') { showView('compare'); return runCompare(); }
  if (!qs.q.practice) { showQuestionErrors(null, 'a question needs a practice (what happens to the data)'); return; }
  showQuestionErrors(null);
  status('asking ' + qs.q.policy + '\u2026');
  busy($('#ask-btn'), true);
  try {
    const r = await api('POST', '/v1/decisions', { body: JSON.stringify(decisionBody(qs, qs.q.policy)), type: 'application/json' });
    if (!r.ok) {
      showQuestionErrors(r.json, `the service answered ${r.status}`);
      $('#answer').replaceChildren(el('p', { class: 'hint' }, 'The question was refused; see the fields marked on the left.'));
      status('');
      return;
    }
    state.decision = r.json;
    renderDecision(r.json);
    await showDocument(r.json.policy.id);
    const decide = [...r.json.trail].reverse().find((s) => s.cite);
    if (decide) await highlightCite(decide.cite, $(`.step[data-step="${decide.step}"]`), false);
    if (window.matchMedia('(max-width: 760px)').matches) $('#verdict').scrollIntoView({ block: 'start' });
    status('');
  } finally {
    busy($('#ask-btn'), false);
    updateHash();
  }
}

function verdict(outcome, meta) {
  const o = OUTCOMES[outcome] || { icon: '', gloss: '' };
  return el('div', { class: `verdict o-${outcome}`, id: 'verdict', dataset: { outcome }, role: 'img', 'aria-label': `${outcome}: ${o.gloss}` },
    el('div', { class: 'icon', 'aria-hidden': 'true' }, o.icon),
    el('div', {}, el('div', { class: 'word' }, outcome.replaceAll('_', ' ')), el('div', { class: 'gloss' }, o.gloss),
      meta ? el('div', { class: 'meta' }, meta) : null));
}

function conditionItem(c) {
  return el('span', {}, el('code', {}, c.key), c.text && c.text !== c.key ? ` \u2014 ${c.text}` : '',
    c.statement ? el('span', { class: 'note' }, ` (${c.statement})`) : null);
}

/** Conditions as the response gives them: those sharing an `anyOf` number are alternatives (one suffices), the rest must each hold. */
function renderConditions(conditions) {
  if (!conditions.length) return null;
  const groups = new Map(); const required = [];
  for (const c of conditions) {
    if (c.anyOf == null) required.push(c);
    else {
      if (!groups.has(c.anyOf)) groups.set(c.anyOf, []);
      groups.get(c.anyOf).push(c);
    }
  }
  const out = el('div', { class: 'conditions' }, el('h3', {}, 'Conditions'));
  if (required.length) out.append(el('ul', { class: 'required' }, required.map((c) => el('li', { dataset: { key: c.key } }, conditionItem(c)))));
  for (const [n, alts] of groups) {
    out.append(el('div', { class: 'anyof', role: 'group', dataset: { anyOf: n }, 'aria-label': 'alternatives: any one suffices' },
      el('div', { class: 'or' }, 'any one of'),
      alts.map((a, i) => el('div', { class: 'alt', dataset: { key: a.key } }, i ? el('span', { class: 'or' }, 'or ') : null, conditionItem(a)))));
  }
  return out;
}

function citeButton(cite, label) {
  return el('button', { type: 'button', class: 'linkish', onclick: (ev) => highlightCite(cite, ev.currentTarget, true) }, label || 'show in the document');
}

function renderDecision(d) {
  const box = $('#answer');
  box.replaceChildren(verdict(d.outcome, `${d.policy.id} ${d.policy.version}${d.reason.length ? ' \u00b7 by ' + d.reason.join(', ') : ''}`));
  const cond = renderConditions(d.conditions);
  if (cond) box.append(el('div', { class: 'card' }, cond));
  if (d.refinements.length) {
    box.append(el('div', { class: 'card refinements' }, el('h3', {}, 'Refinements'),
      el('ul', {}, d.refinements.map((r) => el('li', {}, outcomeChip(r.outcome), ' ', r.text,
        el('span', { class: 'note' }, ` (${r.statement})`), r.cite ? [' ', citeButton(r.cite, 'clause')] : null)))));
  }
  if (d.retention.length) {
    box.append(el('div', { class: 'card' }, el('h3', {}, 'Retention'),
      el('ul', {}, d.retention.map((r) => el('li', {}, el('code', {}, r.key), r.duration ? ` for ${r.duration}` : '', el('span', { class: 'note' }, ` (${r.statement})`))))));
  }
  if (d.errors.length) box.append(el('div', { class: 'card errors' }, el('ul', {}, d.errors.map((e) => el('li', {}, e)))));
  const trail = el('ol', { class: 'trail', 'aria-label': 'Explanation trail' });
  for (const s of d.trail) {
    const inner = [el('span', { class: 'n' }, s.step), el('span', { class: 'kind' }, s.kind),
      el('span', { class: 'body' }, el('strong', {}, s.rule), s.detail ? ` \u2014 ${s.detail}` : '', s.cite ? el('span', { class: 'q quote' }, s.cite.quote) : null)];
    trail.append(el('li', {}, s.cite
      ? el('button', { type: 'button', class: 'step cited', dataset: { step: s.step }, 'aria-pressed': 'false', title: 'show this clause in the document',
        onclick: (ev) => highlightCite(s.cite, ev.currentTarget, true) }, inner)
      : el('div', { class: 'step', dataset: { step: s.step } }, inner)));
  }
  box.append(el('div', { class: 'card' }, el('h3', {}, 'Trail'), trail));
  box.append(el('p', { class: 'note' }, `decision ${d.decisionId}`));
}

// ------------------------------------------------------------------------------------------------ the policy document

const TAG = /<[^>]+>/g;
/** As the service normalizes documents to prove quotes: tags removed, typographic quotes and dashes ASCII, spaces collapsed. */
const asciiPunct = (s) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-');
const normalize = (s) => asciiPunct(s.replace(TAG, ' ').replace(/\u00a0/g, ' ')).replace(/\s+/g, ' ').trim();

function documentModel(text) {
  const paras = [];
  for (const line of text.split(/\r?\n/)) {
    const display = line.replace(TAG, ' ').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
    if (!display) continue;
    const heading = /^\s*<h\d/i.test(line) || (display.length < 90 && /^[^a-z]*[A-Z][^a-z]*$/.test(display));
    paras.push({ display, norm: asciiPunct(display), heading });
  }
  let offset = 0;
  for (const p of paras) { p.start = offset; offset += p.norm.length + 1; }
  return { paras, joined: paras.map((p) => p.norm).join(' ') };
}

async function showDocument(id) {
  if (!state.docs.has(id)) {
    const r = await api('GET', `/v1/policies/${encodeURIComponent(id)}/source`);
    if (!r.ok) { $('#doc').replaceChildren(el('p', { class: 'errors' }, `document unavailable (${r.status})`)); return; }
    state.docs.set(id, documentModel(r.text));
  }
  if (state.docPolicy !== id) {
    state.docPolicy = id;
    renderDocument(state.docs.get(id));
    const p = state.policies.find((x) => x.id === id);
    $('#doc-title').textContent = p ? `${p.title} \u2014 ${p.document}` : id;
  }
}

function renderDocument(model, range) {
  const doc = $('#doc');
  doc.replaceChildren(...model.paras.map((p, i) => {
    const node = el('p', { class: p.heading ? 'heading' : null, dataset: { para: i } });
    const end = p.start + p.norm.length;
    if (range && range.start < end && range.end > p.start) {
      const a = Math.max(0, range.start - p.start); const b = Math.min(p.norm.length, range.end - p.start);
      node.classList.add('cited');
      node.append(p.display.slice(0, a), el('mark', { class: 'cite-hl' }, p.display.slice(a, b)), p.display.slice(b));
    } else node.textContent = p.display;
    return node;
  }));
}

/** Lights the cited sentence in its paragraph and scrolls the document to it. */
async function highlightCite(cite, source, scrollPage) {
  const id = state.decision ? state.decision.policy.id : state.docPolicy;
  if (id) await showDocument(id);
  const model = state.docs.get(state.docPolicy);
  $$('.step[aria-pressed]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  if (source && source.hasAttribute('aria-pressed')) source.setAttribute('aria-pressed', 'true');
  if (!model) return;
  const q = normalize(cite.quote);
  let start = model.joined.indexOf(q);
  if (start < 0) start = model.joined.toLowerCase().indexOf(q.toLowerCase());
  if (start < 0) { renderDocument(model); status(`the quote is not in ${cite.document}`); return; }
  renderDocument(model, { start, end: start + q.length });
  const mark = $('#doc mark.cite-hl');
  const doc = $('#doc');
  doc.scrollTop += mark.getBoundingClientRect().top - doc.getBoundingClientRect().top - doc.clientHeight / 3;
  if (scrollPage) {
    const r = mark.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) mark.scrollIntoView({ block: 'center' });
  }
}

// ------------------------------------------------------------------------------------------------ compare

async function runCompare() {
  const qs = question();
  if (!qs.q.practice) { showQuestionErrors(null, 'a question needs a practice (what happens to the data)'); return; }
  showQuestionErrors(null);
  status('asking every policy\u2026');
  busy($('#compare-btn'), true);
  try {
    const r = await api('GET', `/v1/compare?${questionParams(qs)}`);
    const box = $('#side-by-side');
    if (!r.ok) { showQuestionErrors(r.json, `the service answered ${r.status}`); box.replaceChildren(); return; }
    state.compared = true;
    box.replaceChildren(...r.json.rows.map((row) => el('div', { class: 'card', dataset: { policy: row.policy } },
      el('h3', {}, row.policy), verdict(row.outcome),
      row.conditions.length ? el('div', {}, el('strong', {}, 'conditions: '), row.conditions.map((c, i) => [i ? ', ' : '', el('code', {}, typeof c === 'string' ? c : c.key)])) : null,
      row.reasons.length ? el('div', { class: 'note' }, 'by ' + row.reasons.join(', ')) : null,
      row.cites.slice(0, 2).map((c) => el('div', { class: 'quote' }, c.quote)),
      row.cites.length > 2 ? el('div', { class: 'note' }, `and ${row.cites.length - 2} more clauses`) : null,
      el('button', { type: 'button', onclick: () => { $('#q-policy').value = row.policy; showView('ask'); ask(); } }, 'Open decision'))));
    status('');
  } finally {
    busy($('#compare-btn'), false);
    updateHash();
  }
}

async function runMatrix() {
  const qs = question();
  const rows = $('#m-rows').value; const cols = $('#m-cols').value; const policy = $('#m-policy').value;
  const p = questionParams(qs);
  p.delete(rows); p.delete(cols);
  p.set('policy', policy); p.set('rows', rows); p.set('cols', cols);
  status(`asking ${policy} over ${rows} \u00d7 ${cols}\u2026`);
  busy($('#matrix-btn'), true);
  try {
    const r = await api('GET', `/v1/compare?${p}`);
    const box = $('#matrix');
    if (!r.ok) { box.replaceChildren(problemList(r.json, `the service answered ${r.status}`)); status(''); return; }
    state.matrix = { policy, rows, cols };
    const m = r.json;
    const label = (k) => k || '(any)';
    const table = el('table', { class: 'matrix', 'aria-label': `${policy}: ${rows} by ${cols}` },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, `${rows} \\ ${cols}`), m.colKeys.map((c) => el('th', { scope: 'col' }, label(c))))),
      el('tbody', {}, m.rowKeys.map((rk, i) => el('tr', {}, el('th', { scope: 'row' }, label(rk)),
        m.colKeys.map((ck, j) => {
          const cell = m.cells[i][j];
          const o = OUTCOMES[cell.outcome] || { short: '?' };
          return el('td', {}, el('button', {
            type: 'button', class: `o-${cell.outcome}`, tabindex: i === 0 && j === 0 ? '0' : '-1', dataset: { r: i, c: j, outcome: cell.outcome },
            title: `${rows} ${label(rk)}, ${cols} ${label(ck)}: ${cell.outcome}`,
            'aria-label': `${rows} ${label(rk)}, ${cols} ${label(ck)}: ${cell.outcome}`,
            onclick: () => openCell(policy, rows, rk, cols, ck),
          }, o.short));
        })))));
    table.addEventListener('keydown', (ev) => {
      const b = ev.target.closest('button[data-r]');
      const moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
      if (!b || !moves[ev.key]) return;
      ev.preventDefault();
      const next = $(`button[data-r="${+b.dataset.r + moves[ev.key][0]}"][data-c="${+b.dataset.c + moves[ev.key][1]}"]`, table);
      if (next) { b.tabIndex = -1; next.tabIndex = 0; next.focus(); }
    });
    const legend = el('div', { class: 'legend' }, Object.keys(OUTCOMES).map((o) => el('span', { class: `chip o-${o}` }, `${OUTCOMES[o].short} ${o}`)));
    box.replaceChildren(legend, table);
    status('');
  } finally {
    busy($('#matrix-btn'), false);
    updateHash();
  }
}

function openCell(policy, rows, rowKey, cols, colKey) {
  $('#q-policy').value = policy;
  $(`#q-${rows}`).value = rowKey;
  $(`#q-${cols}`).value = colKey;
  showView('ask');
  ask();
}

// ------------------------------------------------------------------------------------------------ author

const LINE = 19;
const author = { policy: null, loaded: null, diagnostics: [], scenarios: null, validateTimer: null, seq: 0 };

function highlightYaml(line) {
  const m = /^(\s*)(- )?([^\s#'"][^:#]*?:)(\s|$)(.*)$/.exec(line);
  const rest = (s) => {
    const c = s.search(/(^|\s)#/);
    const [val, comment] = c < 0 ? [s, ''] : [s.slice(0, c), s.slice(c)];
    const v = esc(val).replace(/("[^"]*"|'[^']*')/g, '<span class="s">$1</span>').replace(/\b(true|false|null|allow|deny)\b/g, '<span class="b">$1</span>');
    return v + (comment ? `<span class="c">${esc(comment)}</span>` : '');
  };
  if (/^\s*#/.test(line)) return `<span class="c">${esc(line)}</span>`;
  if (m) return esc(m[1]) + (m[2] ? '<span class="p">- </span>' : '') + `<span class="k">${esc(m[3])}</span>` + esc(m[4]) + rest(m[5]);
  const d = /^(\s*)(- )(.*)$/.exec(line);
  if (d) return esc(d[1]) + '<span class="p">- </span>' + rest(d[3]);
  return rest(line);
}

function renderEditor() {
  const text = $('#yaml').value;
  const lines = text.split('\n');
  const byLine = new Map();
  for (const d of author.diagnostics) {
    if (!byLine.has(d.line)) byLine.set(d.line, []);
    byLine.get(d.line).push(d);
  }
  const sev = (ds) => (ds.some((d) => d.severity === 'error') ? 'error' : 'warning');
  $('#gutter').innerHTML = lines.map((_, i) => {
    const ds = byLine.get(i + 1);
    return `<div class="ln${ds ? ' ' + sev(ds) : ''}" data-line="${i + 1}"${ds ? ` title="${esc(ds.map((d) => d.message).join('\n'))}"` : ''}>${i + 1}</div>`;
  }).join('') + '<div style="height:60px"></div>';
  $('#hl').innerHTML = lines.map((l, i) => {
    const ds = byLine.get(i + 1);
    // The hint is what fits beside the line; the whole message is in the list and the gutter's tooltip.
    const inline = ds ? `<span class="inline-diag">${ds.map((d) => esc(`${d.severity === 'error' ? '\u2715' : '!'} ${d.code}: ${d.help || d.message}`)).join('  \u00b7  ')}</span>` : '';
    return `<span class="line${ds ? ' ' + sev(ds) : ''}" data-line="${i + 1}">${highlightYaml(l)}${inline}</span>`;
  }).join('') + '<span class="line"></span><span class="line"></span><span class="line"></span>';
  syncScroll();
}

function syncScroll() {
  const ta = $('#yaml');
  $('#hl').scrollTop = ta.scrollTop; $('#hl').scrollLeft = ta.scrollLeft; $('#gutter').scrollTop = ta.scrollTop;
}

function jumpToLine(line) {
  const ta = $('#yaml');
  const lines = ta.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  ta.focus();
  ta.setSelectionRange(start, start + (lines[line - 1] || '').length);
  ta.scrollTop = Math.max(0, (line - 1) * LINE - ta.clientHeight / 3);
  syncScroll();
}

function whereButton(line, column) {
  return el('button', { type: 'button', class: 'linkish where', onclick: () => jumpToLine(line) }, `line ${line}${column ? ':' + column : ''}`);
}

function setDiagnostics(list) {
  author.diagnostics = list;
  renderEditor();
}

function showPanel(name) {
  for (const p of ['diagnostics', 'lint', 'scenarios', 'diff', 'save']) {
    $(`#p-${p}`).hidden = p !== name;
    $(`.toolbar [data-panel="${p}"]`).setAttribute('aria-pressed', String(p === name));
  }
}

async function loadAuthor(id, draft) {
  author.policy = id;
  $('#a-policy').value = id;
  author.scenarios = null;
  status(`loading ${id}\u2026`);
  const [r, h] = await Promise.all([api('GET', `/v1/policies/${encodeURIComponent(id)}/yaml`), api('GET', '/health')]);
  if (!r.ok) { status(`cannot load ${id}: ${r.status}`); return; }
  author.loaded = r.text;
  $('#yaml').value = draft != null ? draft : r.text;
  const refused = h.ok && h.json.refused && h.json.refused[id];
  $('#a-state').textContent = refused && refused.length
    ? `The file on disk was refused (${refused.length} errors); the service still serves the last good version.`
    : `Loaded ${id} as served.`;
  author.diagnostics = [];
  renderEditor();
  status('');
  await validate();
}

function scheduleValidate() {
  clearTimeout(author.validateTimer);
  author.validateTimer = setTimeout(validate, 600);
}

async function validate() {
  const seq = ++author.seq;
  const yaml = $('#yaml').value;
  const r = await api('POST', `/v1/policies/validate?id=${encodeURIComponent(author.policy)}`, { body: yaml, type: 'application/yaml' });
  if (seq !== author.seq) return;
  const panel = $('#p-diagnostics');
  if (!r.ok) { setDiagnostics([]); panel.replaceChildren(problemList(r.json, `validate answered ${r.status}`)); return; }
  const ds = r.json.diagnostics || [];
  setDiagnostics(ds);
  const errors = ds.filter((d) => d.severity === 'error').length;
  panel.replaceChildren(
    el('p', { class: r.json.ok ? 'pass' : 'fail', id: 'validate-summary' }, r.json.ok
      ? `Builds: ${r.json.version ? r.json.version.version : 'ok'}${ds.length ? `, ${ds.length} warnings` : ', no diagnostics'}`
      : `Does not build: ${errors} errors, ${ds.length - errors} warnings`),
    ...ds.map((d) => el('div', { class: `diag ${d.severity}`, dataset: { line: d.line } },
      whereButton(d.line, d.column), ' ', el('strong', {}, d.code), ': ', d.message,
      d.help ? el('div', { class: 'help' }, 'help: ', d.help) : null)));
}

async function runLint() {
  showPanel('lint');
  const panel = $('#p-lint');
  panel.replaceChildren(el('p', { class: 'note' }, 'Linting: the engine answers every question class that can make a difference\u2026'));
  busy($('#t-lint'), true);
  try {
    const r = await api('POST', `/v1/policies/lint?id=${encodeURIComponent(author.policy)}`, { body: $('#yaml').value, type: 'application/yaml' });
    if (!r.ok) { panel.replaceChildren(problemList(r.json, `lint answered ${r.status}`)); return; }
    // `acknowledged` is the author's recorded reason (or true), absent or null for an open finding
    const fs = [...r.json.findings].sort((a, b) => Number(Boolean(a.acknowledged)) - Number(Boolean(b.acknowledged)));
    const open = fs.filter((f) => !f.acknowledged).length;
    panel.replaceChildren(el('p', { class: open ? 'fail' : 'pass' }, `${open} findings, ${fs.length - open} acknowledged (${r.json.questions} question classes answered)`),
      ...fs.map((f) => {
        const d = f.diagnostic;
        const w = f.witness;
        return el('div', { class: `diag ${d.error ? 'error' : 'warning'}${f.acknowledged ? ' ack' : ''}` },
          whereButton(d.location.line, d.location.column), ' ', el('strong', {}, d.code), f.acknowledged ? ` (acknowledged${typeof f.acknowledged === 'string' ? ': ' + f.acknowledged : ''})` : '', ': ', d.message,
          d.help ? el('div', { class: 'help' }, 'help: ', d.help) : null,
          w ? el('div', {}, 'witness: ', el('code', {}, witnessText(w.question)), ' \u2192 ', outcomeChip(w.outcome),
            ` by ${w.reasons.join(', ')} `, el('button', { type: 'button', class: 'linkish', onclick: () => askWitness(w.question) }, 'ask the served policy')) : null);
      }));
  } finally { busy($('#t-lint'), false); }
}

function witnessText(q) {
  const parts = DIMS.filter((d) => q[d]).map((d) => `${d}=${q[d]}`);
  for (const [k, v] of Object.entries(q.context || {})) if (v != null) parts.push(`${k}=${v}`);
  return parts.join(' ');
}

function askWitness(q) {
  setQuestion({ policy: q.policy, ...Object.fromEntries(DIMS.map((d) => [d, q[d]])),
    ...Object.fromEntries(Object.entries(q.context || {}).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)])) });
  showView('ask');
  ask();
}

async function runScenarios() {
  showPanel('scenarios');
  const panel = $('#p-scenarios');
  busy($('#t-scenarios'), true);
  try {
    if (!author.scenarios) {
      const r = await api('GET', `/v1/policies/${encodeURIComponent(author.policy)}/scenarios`);
      author.scenarios = r.ok ? r.json.files : [];
    }
    panel.replaceChildren(el('p', { class: 'note' }, 'Scenarios run against the version the service serves; save an edit to test it.'));
    if (!author.scenarios.length) { panel.append(el('p', {}, 'This policy has no scenario files.')); return; }
    for (const f of author.scenarios) {
      const r = await api('POST', '/v1/scenarios/run', { body: f.yaml, type: 'application/yaml' });
      if (!r.ok) { panel.append(el('h3', {}, f.file), problemList(r.json, `run answered ${r.status}`)); continue; }
      const fails = r.json.results.filter((x) => x.status !== 'PASS');
      panel.append(el('div', { class: 'card scenario-file' }, el('h3', {}, f.file, ': ', el('span', { class: 'pass' }, `${r.json.passed} PASS`), ', ',
        el('span', { class: r.json.failed ? 'fail' : 'note' }, `${r.json.failed} FAIL`)),
      fails.map((x) => el('div', { class: 'diag error' }, el('span', { class: 'fail' }, x.status), ` line ${x.line}: ${x.name}`, el('ul', {}, x.diff.map((l) => el('li', {}, el('code', {}, l)))))),
      el('details', {}, el('summary', {}, 'passing scenarios'), el('ul', {}, r.json.results.filter((x) => x.status === 'PASS')
        .map((x) => el('li', {}, el('span', { class: 'pass' }, 'PASS'), ` ${x.name} `, outcomeChip(x.outcome)))))));
    }
  } finally { busy($('#t-scenarios'), false); }
}

function sideView(label, side) {
  return el('div', { class: 'side' }, `${label} `, outcomeChip(side.outcome),
    side.conditions && side.conditions.length ? ` (${side.conditions.map((c) => (typeof c === 'string' ? c : c.key)).join(', ')})` : '',
    side.reasons.length ? ` by ${side.reasons.join(', ')}` : '',
    side.cites.slice(0, 1).map((c) => el('div', { class: 'quote note' }, c.quote)));
}

async function runDiff() {
  showPanel('diff');
  const panel = $('#p-diff');
  panel.replaceChildren(el('p', { class: 'note' }, 'Comparing every answer of the loaded version with the edited one\u2026'));
  busy($('#t-diff'), true);
  try {
    const form = new FormData();
    form.append('a', new Blob([author.loaded], { type: 'application/yaml' }), 'loaded.yaml');
    form.append('b', new Blob([$('#yaml').value], { type: 'application/yaml' }), 'edited.yaml');
    const r = await api('POST', '/v1/diff', { body: form });
    if (!r.ok) { panel.replaceChildren(problemList(r.json, `diff answered ${r.status}`)); return; }
    const cs = r.json.changes;
    panel.replaceChildren(el('p', { class: cs.length ? 'fail' : 'pass', id: 'diff-summary' },
      cs.length ? `${cs.length} changed answers` : 'No answer changes', ` (${r.json.questions} question classes, ${r.json.evaluations} engine evaluations)`),
    ...cs.map((c) => el('div', { class: 'change' }, el('div', { class: 'text' }, c.text), sideView('\u2212', c.before), sideView('+', c.after))));
  } finally { busy($('#t-diff'), false); }
}

async function save(ev) {
  ev.preventDefault();
  const out = $('#save-result');
  const token = $('#a-token').value;
  busy($('#save-btn'), true);
  try {
    const r = await api('PUT', `/v1/policies/${encodeURIComponent(author.policy)}`,
      { body: $('#yaml').value, type: 'application/yaml', headers: token ? { Authorization: `Bearer ${token}` } : {} });
    if (r.ok) {
      author.loaded = $('#yaml').value;
      state.docs.delete(author.policy);
      out.replaceChildren(el('p', { class: 'pass' }, `Saved: now serving ${r.json.version.version}`));
      $('#a-state').textContent = `Saved ${author.policy}; the service serves this text.`;
      updateHash();
    } else if (r.status === 422) {
      setDiagnostics(r.json.diagnostics || []);
      out.replaceChildren(el('p', { class: 'fail' }, 'Refused: the policy does not build; nothing was written. The diagnostics are marked in the editor.'));
    } else out.replaceChildren(el('p', { class: 'fail' }, `Refused (${r.status})`), problemList(r.json, r.text));
  } finally { busy($('#save-btn'), false); }
}

// ------------------------------------------------------------------------------------------------ views and the link

function showView(view) {
  state.view = view;
  for (const b of $$('header nav [role="tab"]')) {
    const on = b.dataset.view === view;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
  }
  for (const v of $$('.view')) v.classList.toggle('active', v.id === `view-${view}`);
  $('main').classList.toggle('authoring', view === 'author');
  if (view === 'author' && !author.policy) loadAuthor($('#a-policy').value);
  if (view === 'compare' && !state.matrix && $('#q-policy').value !== '*') $('#m-policy').value = $('#q-policy').value;
  updateHash();
}

async function packText(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function unpackText(packed) {
  const bin = atob(packed.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

let hashSeq = 0;
/** The fragment always holds what is shown: the question, the matrix, or the policy being edited (packed). */
async function updateHash() {
  const seq = ++hashSeq;
  const qs = question();
  const p = state.view === 'author' ? new URLSearchParams() : questionParams(qs);
  if (state.view === 'ask' && qs.q.policy) p.set('policy', qs.q.policy);
  if (state.view === 'compare' && state.matrix) { p.set('matrix', state.matrix.policy); p.set('rows', state.matrix.rows); p.set('cols', state.matrix.cols); }
  if (state.view === 'author' && author.policy) {
    p.set('policy', author.policy);
    const text = $('#yaml').value;
    if (author.loaded != null && text !== author.loaded) p.set('yaml', await packText(text));
  }
  if (seq !== hashSeq) return;
  const hash = `#${state.view}${[...p].length ? '?' + p : ''}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
  if (!$('#share-url').hidden) $('#share-url').value = location.href;
}

async function applyHash() {
  const m = /^#(ask|compare|author)(?:\?(.*))?$/.exec(location.hash);
  if (!m) { showView('ask'); return; }
  const view = m[1];
  const p = new URLSearchParams(m[2] || '');
  const params = Object.fromEntries(p);
  if (view === 'author') {
    const draft = p.get('yaml') ? await unpackText(p.get('yaml')) : null;
    if (p.get('policy')) $('#a-policy').value = p.get('policy');
    state.view = 'author';
    author.policy = $('#a-policy').value;
    showView('author');
    await loadAuthor(author.policy, draft);
    return;
  }
  setQuestion(params);
  if (view === 'compare' && params.matrix) {
    $('#m-policy').value = params.matrix; $('#m-rows').value = params.rows || 'data'; $('#m-cols').value = params.cols || 'recipient';
  }
  showView(view);
  if (view === 'ask' && params.policy && params.practice) await ask();
  if (view === 'compare') {
    if (params.practice) await runCompare();
    if (params.matrix) await runMatrix();
  }
}

function fillSelects() {
  const opts = (ids) => ids.map((id) => el('option', { value: id }, id));
  $('#q-policy').replaceChildren(...opts(state.policies.map((p) => p.id)), el('option', { value: '*' }, 'all five (compare)'));
  $('#m-policy').replaceChildren(...opts(state.policies.map((p) => p.id)));
  $('#a-policy').replaceChildren(...opts(state.policies.map((p) => p.id)));
  $('#m-rows').replaceChildren(...opts(DIMS));
  $('#m-cols').replaceChildren(...opts(DIMS));
  $('#m-rows').value = 'data';
  $('#m-cols').value = 'recipient';
}

function wire() {
  $('#question').addEventListener('submit', (ev) => { ev.preventDefault(); if (state.view === 'compare') runCompare(); else { showView('ask'); ask(); } });
  $('#compare-btn').addEventListener('click', () => { showView('compare'); runCompare(); });
  $('#clear-btn').addEventListener('click', () => { setQuestion({}); showQuestionErrors(null); updateHash(); });
  $('#matrix-form').addEventListener('submit', (ev) => { ev.preventDefault(); runMatrix(); });
  const tabs = $$('header nav [role="tab"]');
  tabs.forEach((b, i) => {
    b.addEventListener('click', () => showView(b.dataset.view));
    b.addEventListener('keydown', (ev) => {
      const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      const next = tabs[(i + d + tabs.length) % tabs.length];
      next.focus(); showView(next.dataset.view);
    });
  });
  $('#share-btn').addEventListener('click', async () => {
    await updateHash();
    const input = $('#share-url');
    input.hidden = false; input.value = location.href; input.focus(); input.select();
    try { await navigator.clipboard.writeText(location.href); status('link copied'); } catch { status('link selected: copy it with Ctrl+C'); }
  });
  const ta = $('#yaml');
  ta.addEventListener('input', () => { renderEditor(); scheduleValidate(); clearTimeout(author.hashTimer); author.hashTimer = setTimeout(updateHash, 800); });
  ta.addEventListener('scroll', syncScroll);
  $('#a-policy').addEventListener('change', () => loadAuthor($('#a-policy').value));
  $('#a-load').addEventListener('click', () => loadAuthor($('#a-policy').value));
  $('#t-validate').addEventListener('click', () => { showPanel('diagnostics'); validate(); });
  $('#t-lint').addEventListener('click', runLint);
  $('#t-scenarios').addEventListener('click', runScenarios);
  $('#t-diff').addEventListener('click', runDiff);
  $('#t-save').addEventListener('click', () => { showPanel('save'); $('#a-token').focus(); });
  $('#save-form').addEventListener('submit', save);
  // a followed link changes the view; an in-page anchor such as the skip link does not
  window.addEventListener('hashchange', () => { if (/^#(ask|compare|author)\b/.test(location.hash)) applyHash(); });
}

async function main() {
  buildQuestionForm();
  wire();
  showPanel('diagnostics');
  try {
    const [p] = await Promise.all([api('GET', '/v1/policies'), loadVocabulary()]);
    state.policies = p.json.policies;
    fillSelects();
    await applyHash();
    document.body.dataset.ready = 'true';
  } catch (e) {
    status('the service did not answer: ' + e.message);
  }
}

main();
