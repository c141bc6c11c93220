// The playground page: reads the form, asks the worker (worker.js, which
// runs piiguard.wasm) to scan and mask, and shows the findings highlighted
// in the text and the masked output. No network beyond the page's own files.
//
// document.body.dataset.state is 'loading', 'ready', 'running', 'done' or
// 'error', and dataset.runs counts the runs shown (for tests).

const $ = (id) => document.getElementById(id);

const SAMPLE = `2026-11-02T10:15:04Z INFO auth: login ok user=jane.doe@example.com ip=203.0.113.42
2026-11-02T10:15:05Z INFO kyc: identity verified, ssn 536-22-1234 on file
2026-11-02T10:15:07Z WARN billing: charge retried, card 4929 3812 6548 1006 exp 09/28
2026-11-02T10:15:09Z INFO support: callback requested, phone +1 (206) 555-0142, EMP-004211 assigned
2026-11-02T10:15:10Z INFO shipping: address updated to 1600 Pennsylvania Avenue NW, Washington, DC 20500
2026-11-02T10:15:11Z INFO billing: receipt sent order=A-1042
`;

const EXAMPLE_POLICY = {
  Name: 'example_data_protection_policy',
  Description: 'Mask US SSNs, card numbers and a custom employee ID',
  Version: '2021-06-01',
  Configuration: {
    CustomDataIdentifier: [{ Name: 'EmployeeId', Regex: 'EMP-\\d{6}' }],
  },
  Statement: [
    {
      Sid: 'audit-policy',
      DataIdentifier: [
        'arn:aws:dataprotection::aws:data-identifier/Ssn-US',
        'arn:aws:dataprotection::aws:data-identifier/CreditCardNumber',
        'EmployeeId',
      ],
      Operation: { Audit: { FindingsDestination: {} } },
    },
    {
      Sid: 'redact-policy',
      DataIdentifier: [
        'arn:aws:dataprotection::aws:data-identifier/Ssn-US',
        'arn:aws:dataprotection::aws:data-identifier/CreditCardNumber',
        'EmployeeId',
      ],
      Operation: { Deidentify: { MaskConfig: {} } },
    },
  ],
};

const DEFAULT_CHOSEN = new Set(['EmailAddress', 'Ssn-US', 'CreditCardNumber', 'IpAddress']);
const LIVE_DELAY_MS = 300;

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let catalog = [];
let nextId = 1;
let inFlight = null; // id of the request the worker is working on
let pending = null; // the latest request not yet sent: { id, config, text }
let runs = 0;
let liveTimer;
let lastMasked = '';
let lastRequest = null; // the request the worker is answering

function setState(state) {
  document.body.dataset.state = state;
}

// ---- the form -> a configuration ---------------------------------------------

class FormError extends Error {}

function mode() {
  return document.querySelector('input[name="mode"]:checked').value;
}

function parseCustom() {
  const custom = [];
  $('custom').value.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    if (colon < 0) throw new FormError(`Custom identifiers, line ${i + 1}: expected "Name: regex", got ${JSON.stringify(line.trim())}`);
    custom.push({ name: line.slice(0, colon).trim(), regex: line.slice(colon + 1).trim() });
  });
  return custom;
}

function readConfig() {
  const config = {};
  const m = mode();
  if (m === 'policy') {
    const policy = $('policy').value;
    if (policy.trim() === '') throw new FormError('Paste a data protection policy (JSON), or click "Example policy".');
    config.policy = policy; // the module parses and validates it
  } else {
    if (m === 'chosen') {
      const ids = [...$('catalog').querySelectorAll('input:checked')].map((c) => c.value);
      if (ids.length === 0) throw new FormError('Choose at least one identifier (or look for all of them).');
      config.identifiers = ids;
    }
    const custom = parseCustom();
    if (custom.length > 0) config.custom = custom;
  }
  const min = Number($('min-score').value);
  if (!Number.isFinite(min) || min < 0 || min > 1) throw new FormError('The minimum score is a number from 0 to 1.');
  if (min > 0) config.minScore = min;
  return config;
}

// ---- talking to the worker ---------------------------------------------------

function run() {
  clearTimeout(liveTimer);
  if (document.body.dataset.state === 'loading') return;
  let config;
  try {
    config = readConfig();
  } catch (e) {
    if (!(e instanceof FormError)) throw e;
    showError('Cannot run', e.message);
    return;
  }
  pending = { id: nextId++, config, text: $('log').value };
  setState('running');
  send();
}

function send() {
  if (inFlight !== null || pending === null) return;
  const req = pending;
  pending = null;
  inFlight = req.id;
  worker.postMessage({ type: 'run', ...req });
  lastRequest = req;
}

worker.onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === 'ready') {
    onReady(msg);
    return;
  }
  if (msg.id === undefined) {
    // The module could not be loaded.
    setState('error');
    $('status').textContent = `Could not load piiguard.wasm: ${msg.message}`;
    showError('Could not load piiguard.wasm', msg.message);
    return;
  }
  if (msg.id !== inFlight) return;
  inFlight = null;
  if (pending !== null) {
    send(); // a newer request supersedes this answer
    return;
  }
  if (msg.type === 'result') showResult(lastRequest.text, msg);
  else showModuleError(msg);
};

worker.onerror = (ev) => {
  setState('error');
  $('status').textContent = `The playground's worker failed: ${ev.message ?? 'unknown error'}`;
  showError('Worker error', ev.message ?? 'unknown error');
};

function onReady(msg) {
  catalog = msg.catalog;
  $('status').textContent = `Ready: piiguard.wasm (ABI ${msg.abi.major}.${msg.abi.minor}) loaded and its ${catalog.length} managed identifiers compiled in ${formatMs(msg.ms)}.`;
  $('module-info').textContent = `piiguard.wasm ABI ${msg.abi.major}.${msg.abi.minor} · ${catalog.length} managed identifiers ·`;
  $('catalog-count').textContent = `(${catalog.length})`;
  renderCatalog();
  $('run').disabled = false;
  setState('ready');
  if ($('log').value !== '') run();
}

// ---- rendering -----------------------------------------------------------------

function formatMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.max(ms, 0.1).toFixed(ms < 10 ? 1 : 0)} ms`;
}

// A stable color per identifier name (the golden angle spreads hues apart).
function hue(name) {
  let h = 0;
  for (const c of name) h = (h * 31 + c.codePointAt(0)) >>> 0;
  return Math.round((h % 360) * 137.508) % 360;
}

function renderCatalog() {
  const box = $('catalog');
  box.replaceChildren(
    ...catalog.map((name) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = name;
      input.checked = DEFAULT_CHOSEN.has(name);
      label.append(input, ` ${name}`);
      label.dataset.name = name.toLowerCase();
      return label;
    }),
  );
}

function clearError() {
  $('error').hidden = true;
  $('error-title').textContent = '';
  $('error-message').textContent = '';
}

function showError(title, message) {
  $('error-title').textContent = title;
  $('error-message').textContent = message;
  $('error').hidden = false;
  for (const id of ['highlighted', 'masked', 'legend', 'details']) $(id).classList.add('stale');
  $('stats').textContent = 'results below are from the last successful run';
  setState('error');
}

const ERROR_TITLES = {
  INVALID_POLICY: 'Invalid policy',
  INVALID_CONFIG: 'Invalid configuration',
  UNSUPPORTED: 'Not supported in the browser',
};

function showModuleError(msg) {
  let title = ERROR_TITLES[msg.codeName] ?? `Error (${msg.codeName})`;
  if (msg.codeName === 'INVALID_CONFIG' && /regex/i.test(msg.message)) title = 'Invalid custom identifier';
  if (msg.fatal) title = 'The module stopped (it will be restarted on the next run)';
  showError(title, msg.message);
}

// Hovering an identifier in the legend dims the other findings; hovering
// (or focusing) a finding shows its identifier in the tooltip and marks it
// in the legend.
function focusIdentifier(name) {
  for (const mark of $('highlighted').querySelectorAll('mark')) {
    mark.classList.toggle('dim', name !== null && mark.dataset.identifier !== name);
  }
}

function showTip(mark) {
  const tip = $('tip');
  if (mark === null) {
    tip.hidden = true;
    for (const li of $('legend').children) li.classList.remove('active');
    return;
  }
  tip.textContent = mark.dataset.tip;
  tip.hidden = false;
  const r = mark.getBoundingClientRect();
  const left = Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
  tip.style.left = `${Math.max(left, 4)}px`;
  tip.style.top = `${r.bottom + window.scrollY + 6}px`;
  for (const li of $('legend').children) li.classList.toggle('active', li.dataset.identifier === mark.dataset.identifier);
}

function showResult(text, msg) {
  clearError();
  for (const id of ['highlighted', 'masked', 'legend', 'details']) $(id).classList.remove('stale');

  // Highlighted text.
  const parts = [];
  let at = 0;
  msg.findings.forEach((f, i) => {
    if (f.from > at) parts.push(text.slice(at, f.from));
    const mark = document.createElement('mark');
    mark.textContent = f.value;
    mark.dataset.identifier = f.identifier;
    mark.dataset.index = String(i + 1);
    mark.dataset.tip = `${f.identifier} · score ${f.score.toFixed(2)}${f.keyword ? ` · keyword "${f.keyword}"` : ''} · bytes ${f.start}–${f.end}`;
    mark.tabIndex = 0;
    mark.setAttribute('aria-describedby', 'tip');
    mark.style.setProperty('--hue', String(hue(f.identifier)));
    parts.push(mark);
    at = f.to;
  });
  if (at < text.length) parts.push(text.slice(at));
  $('highlighted').replaceChildren(...parts);

  // Legend: identifiers found, in the scanner's order, with counts.
  const counts = new Map();
  for (const f of msg.findings) counts.set(f.identifier, (counts.get(f.identifier) ?? 0) + 1);
  const legend = msg.identifiers
    .filter((name) => counts.has(name))
    .map((name) => {
      const li = document.createElement('li');
      li.dataset.identifier = name;
      li.style.setProperty('--hue', String(hue(name)));
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(counts.get(name));
      li.append(swatch, name, count);
      li.addEventListener('mouseenter', () => focusIdentifier(name));
      li.addEventListener('mouseleave', () => focusIdentifier(null));
      return li;
    });
  $('legend').replaceChildren(...legend);

  // Masked output.
  lastMasked = msg.masked;
  $('masked').textContent = msg.masked;
  $('copy').disabled = false;

  // Table.
  $('findings').replaceChildren(
    ...msg.findings.map((f, i) => {
      const tr = document.createElement('tr');
      const cells = [String(i + 1), f.identifier, f.value, `${f.start}–${f.end}`, f.score.toFixed(2), f.keyword ?? ''];
      for (const c of cells) {
        const td = document.createElement('td');
        td.textContent = c;
        tr.append(td);
      }
      tr.children[1].style.setProperty('--hue', String(hue(f.identifier)));
      tr.children[1].className = 'ident';
      return tr;
    }),
  );

  const n = msg.findings.length;
  const compile = msg.cached ? 'scanner cached' : `compiled ${msg.identifiers.length} identifier${msg.identifiers.length === 1 ? '' : 's'} in ${formatMs(msg.compileMs)}`;
  $('stats').textContent = `${n} finding${n === 1 ? '' : 's'} · ${compile} · scanned and masked in ${formatMs(msg.scanMs)}`;
  runs++;
  document.body.dataset.runs = String(runs);
  setState('done');
}

// ---- wiring --------------------------------------------------------------------

function showPanels() {
  const m = mode();
  $('chosen-panel').hidden = m !== 'chosen';
  $('policy-panel').hidden = m !== 'policy';
  $('custom-panel').hidden = m === 'policy';
}

function live() {
  if (!$('live').checked || document.body.dataset.state === 'loading') return;
  clearTimeout(liveTimer);
  liveTimer = setTimeout(run, LIVE_DELAY_MS);
}

$('run').addEventListener('click', run);
for (const [ev, on] of [['mouseover', true], ['focusin', true], ['mouseout', false], ['focusout', false]]) {
  $('highlighted').addEventListener(ev, (e) => {
    const mark = e.target.closest?.('mark');
    if (mark) showTip(on ? mark : null);
  });
}
$('sample').addEventListener('click', () => {
  $('log').value = SAMPLE;
  live();
});
$('policy-example').addEventListener('click', () => {
  $('policy').value = JSON.stringify(EXAMPLE_POLICY, null, 2);
  live();
});
for (const r of document.querySelectorAll('input[name="mode"]')) {
  r.addEventListener('change', () => {
    showPanels();
    live();
  });
}
$('catalog').addEventListener('change', live);
for (const id of ['log', 'policy', 'custom', 'min-score']) $(id).addEventListener('input', live);
$('filter').addEventListener('input', () => {
  const q = $('filter').value.trim().toLowerCase();
  for (const label of $('catalog').children) label.hidden = q !== '' && !label.dataset.name.includes(q);
});
$('select-all').addEventListener('click', () => {
  for (const label of $('catalog').children) if (!label.hidden) label.firstChild.checked = true;
  live();
});
$('select-none').addEventListener('click', () => {
  for (const label of $('catalog').children) if (!label.hidden) label.firstChild.checked = false;
  live();
});
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(lastMasked);
    $('copy').textContent = 'Copied';
  } catch {
    $('copy').textContent = 'Copy failed';
  }
  setTimeout(() => ($('copy').textContent = 'Copy'), 1500);
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    run();
  }
});

showPanels();
document.body.dataset.runs = '0';
worker.postMessage({ type: 'init' });
