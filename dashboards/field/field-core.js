/* FloodReady field app, core: session, HTTP, the phone's store (IndexedDB), the outbox of queued writes,
   and small view helpers. Plain JavaScript, nothing from the internet. Chinese first, English second. */
(function () {
  'use strict';

  const TOKEN_KEY = 'floodready.token';
  const USER_KEY = 'floodready.user';
  const FR = window.FR = {};

  // ---------- words ----------
  FR.T = {
    condition: { usable: '完好 usable', needs_repair: '待修 needs repair', expired: '过期 expired', scrapped: '报废 scrapped' },
    notUsable: { needs_repair: '待修 needs repair', expired: '已过期 expired', scrapped: '已报废 scrapped',
      test_failed: '试机未通过 test failed', test_overdue: '试机逾期 test overdue' },
    recipientType: { incident: '险情 incident', checkpoint: '监测点 checkpoint', person: '个人 person' },
    reason: { expired: '过期 expired', damaged: '损坏 damaged', lost: '丢失 lost' },
    category: { materials: '防御材料 materials', life_saving: '救生器材 life-saving', equipment: '抢险机具 equipment' },
    level: { none: '正常 normal', blue: '蓝色 blue', yellow: '黄色 yellow', orange: '橙色 orange', red: '红色 red' },
    hazardType: { water_body: '水体 water body', water_surface: '水面 water surface', channel: '河道 channel',
      bank: '岸线 bank', water_activity: '涉水活动 activity on water', outfall: '排口 outfall',
      signboard: '公示牌 signboard', structure: '水工建筑 structure', seepage_piping: '渗漏管涌 seepage/piping',
      bank_collapse: '岸坡坍塌 bank collapse', blocked_culvert: '涵洞堵塞 blocked culvert',
      inspection: '检查发现 inspection finding' },
    severity: { low: '一般 low', medium: '较重 medium', high: '严重 high' },
    hazardStatus: { reported: '已上报 reported', assigned: '已交办 assigned', rectifying: '整改中 rectifying',
      rectified: '已整改 rectified', closed: '已销号 closed' },
    transferStatus: { dispatched: '已下达 dispatched', in_transit: '在途 in transit', received: '已接收 received' },
    queue: { pending: '待发送 pending', sent: '已发送 sent', refused: '被拒绝 refused' },
    responseLevel: { none: '未启动 none', IV: 'Ⅳ级 IV', III: 'Ⅲ级 III', II: 'Ⅱ级 II', I: 'Ⅰ级 I' }
  };
  FR.t = (group, key) => (FR.T[group] && FR.T[group][key]) || (key == null ? '—' : String(key));

  // ---------- small helpers ----------
  FR.$ = (id) => document.getElementById(id);
  FR.esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  FR.uuid = () => (crypto.randomUUID ? crypto.randomUUID()
    : 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
      const r = Math.random() * 16 | 0; return (c === 'x' ? r : (r & 0x3 | 0x8)).toString(16);
    }));
  const MEASURED = ['m', 'm²', 'm³', 'kg', 't', 'L', 'km'];
  /** Pumps, boats, jackets, bags are counted; sand, cable and sheeting are measured. */
  FR.countable = (unit) => !MEASURED.includes(unit);
  FR.qty = (n, unit) => {
    if (n == null) return '—';
    const v = Number(n);
    const shown = FR.countable(unit) ? Math.round(v).toLocaleString('zh-CN')
      : v.toLocaleString('zh-CN', { maximumFractionDigits: 3 });
    return shown + (unit ? ' ' + unit : '');
  };
  FR.ago = (iso) => {
    if (!iso) return '—';
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) return s + ' 秒前 · ' + s + ' s ago';
    if (s < 3600) return Math.floor(s / 60) + ' 分钟前 · ' + Math.floor(s / 60) + ' min ago';
    if (s < 86400) return Math.floor(s / 3600) + ' 小时前 · ' + Math.floor(s / 3600) + ' h ago';
    return Math.floor(s / 86400) + ' 天前 · ' + Math.floor(s / 86400) + ' d ago';
  };
  FR.time = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—';
  FR.date = (iso) => iso ? String(iso).slice(0, 10) : '—';
  FR.localInput = (d) => {
    const p = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());
  };

  // ---------- session ----------
  // The board's login leaves the token in this tab's sessionStorage; the field app keeps a copy on the phone
  // so it still opens (offline) after the tab or the browser was closed.
  FR.token = () => sessionStorage.getItem(TOKEN_KEY) || localStorage.getItem(TOKEN_KEY);
  FR.user = () => JSON.parse(sessionStorage.getItem(USER_KEY) || localStorage.getItem(USER_KEY) || 'null');
  FR.saveSession = (token, user) => {
    for (const s of [sessionStorage, localStorage]) {
      s.setItem(TOKEN_KEY, token);
      s.setItem(USER_KEY, JSON.stringify(user));
    }
  };
  FR.clearSession = () => {
    for (const s of [sessionStorage, localStorage]) { s.removeItem(TOKEN_KEY); s.removeItem(USER_KEY); }
  };

  // ---------- HTTP ----------
  FR.online = true;
  function headers(extra) {
    const h = Object.assign({ 'Accept': 'application/json' }, extra || {});
    if (FR.token()) h['Authorization'] = 'Bearer ' + FR.token();
    return h;
  }
  async function readBody(res) {
    const text = await res.text();
    try { return text ? JSON.parse(text) : null; } catch (e) { return { message: text }; }
  }
  FR.setOnline = (on) => {
    FR.online = on;
    document.body.classList.toggle('offline', !on);
    const el = FR.$('net');
    if (el) el.textContent = on ? '在线 online' : '离线 offline';
  };

  /** A JSON call straight to the server (login, reads). Throws {status, body} on an error answer. */
  FR.call = async (path, options) => {
    const opts = Object.assign({}, options || {});
    opts.headers = headers(opts.headers);
    if (opts.json !== undefined) {
      opts.method = opts.method || 'POST';
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    let res;
    try {
      res = await fetch(path, opts);
    } catch (e) {
      FR.setOnline(false);
      const err = new Error('offline'); err.offline = true; throw err;
    }
    FR.setOnline(true);
    const body = await readBody(res);
    if (res.status === 401 && path !== '/api/auth/login') { FR.needLogin(); }
    if (!res.ok) {
      const err = new Error((body && body.message) || ('HTTP ' + res.status));
      err.status = res.status; err.body = body; throw err;
    }
    return body;
  };

  /** A read that is kept on the phone: the last good answer is shown when the network is gone. */
  FR.get = async (path) => {
    try {
      const data = await FR.call(path);
      FR.db.put('cache', { key: path, data, at: new Date().toISOString() }).catch(() => {});
      return data;
    } catch (e) {
      if (!e.offline) throw e;
      const kept = await FR.db.get('cache', path);
      if (!kept) throw e;
      kept.data.__keptAt = kept.at;
      return kept.data;
    }
  };

  // ---------- IndexedDB ----------
  FR.db = (function () {
    let opened = null;
    function open() {
      if (opened) return opened;
      opened = new Promise((resolve, reject) => {
        const req = indexedDB.open('floodready-field', 1);
        req.onupgradeneeded = () => {
          const db = req.result;
          db.createObjectStore('queue', { keyPath: 'id' });
          db.createObjectStore('cache', { keyPath: 'key' });
          db.createObjectStore('patrol', { keyPath: 'id' });
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      return opened;
    }
    function run(store, mode, fn) {
      return open().then((db) => new Promise((resolve, reject) => {
        const tx = db.transaction(store, mode);
        const req = fn(tx.objectStore(store));
        tx.oncomplete = () => resolve(req && req.result);
        tx.onerror = () => reject(tx.error);
      }));
    }
    return {
      get: (store, key) => run(store, 'readonly', (s) => s.get(key)),
      all: (store) => run(store, 'readonly', (s) => s.getAll()),
      put: (store, value) => run(store, 'readwrite', (s) => s.put(value)),
      del: (store, key) => run(store, 'readwrite', (s) => s.delete(key))
    };
  })();

  // ---------- outbox ----------
  // Every write is an entry made once, when the button is pressed: its id is the Idempotency-Key, so a
  // retry after a lost answer is answered with the first result and never books twice.
  const MAX_BACKOFF_MS = 30000;
  let flushing = false;
  let flushTimer = null;
  const listeners = [];
  FR.onOutbox = (fn) => listeners.push(fn);
  async function changed(entry) {
    const all = await FR.outbox();
    const pending = all.filter((e) => e.status === 'pending').length;
    const badge = FR.$('outbox-count');
    if (badge) { badge.textContent = String(pending); badge.hidden = pending === 0; }
    listeners.forEach((fn) => { try { fn(entry, all); } catch (e) { /* a view that is gone */ } });
  }

  /**
   * Queues a write. spec: {label, method, path, json | blob+contentType, then: [{path, blob, contentType,
   * idFrom}]} — `then` steps are uploads that need the id the first answer gave (a hazard's photo).
   */
  FR.enqueue = async (spec) => {
    const entry = Object.assign({
      id: FR.uuid(), method: 'POST', status: 'pending', attempts: 0, nextAt: 0,
      createdAt: new Date().toISOString(), user: (FR.user() || {}).username
    }, spec);
    if (entry.json && entry.json.occurredAt === undefined && entry.stampTime) entry.json.occurredAt = entry.createdAt;
    await FR.db.put('queue', entry);
    await changed(entry);
    FR.flush();
    return entry;
  };

  /** This user's entries, newest first (a phone may be shared; each sees and sends only his own). */
  FR.outbox = async () => (await FR.db.all('queue')).filter((e) => e.user === (FR.user() || {}).username)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  async function sendOne(entry) {
    const steps = [{ method: entry.method, path: entry.path, json: entry.json, blob: entry.blob, contentType: entry.contentType, key: entry.id }]
      .concat((entry.then || []).map((s, i) => Object.assign({ method: 'POST', key: entry.id + '.' + (i + 1) }, s)));
    entry.done = entry.done || [];
    for (let i = entry.done.length; i < steps.length; i++) {
      const step = steps[i];
      let path = step.path;
      if (path.includes('{id}')) path = path.replace('{id}', entry.done[0] && entry.done[0].id);
      const h = headers({ 'Idempotency-Key': step.key });
      let body;
      if (step.json !== undefined) { h['Content-Type'] = 'application/json'; body = JSON.stringify(step.json); }
      else if (step.blob) { h['Content-Type'] = step.contentType || step.blob.type || 'image/jpeg'; body = step.blob; }
      const res = await fetch(path, { method: step.method, headers: h, body });
      const answer = await readBody(res);
      if (res.ok) {
        entry.done.push(answer || {});
        await FR.db.put('queue', entry);
        continue;
      }
      return { status: res.status, answer };
    }
    return { status: 200, answer: entry.done[0] };
  }

  /** Sends what waits, oldest first; stops at the first network failure so the order is kept. */
  FR.flush = async () => {
    if (flushing) return;
    flushing = true;
    clearTimeout(flushTimer);
    let wait = null;
    try {
      const entries = (await FR.db.all('queue')).filter((e) => e.status === 'pending' && e.user === (FR.user() || {}).username)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      for (const entry of entries) {
        if (entry.nextAt > Date.now()) { wait = entry.nextAt - Date.now(); break; }
        let r;
        try {
          r = await sendOne(entry);
        } catch (e) {
          FR.setOnline(false);
          entry.attempts++;
          entry.nextAt = Date.now() + Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, entry.attempts - 1));
          await FR.db.put('queue', entry);
          await changed(entry);
          wait = entry.nextAt - Date.now();
          break;
        }
        FR.setOnline(true);
        if (r.status === 401) { FR.needLogin(); break; }
        if (r.status < 300) {
          entry.status = 'sent'; entry.sentAt = new Date().toISOString(); entry.result = r.answer; delete entry.blob;
          (entry.then || []).forEach((s) => delete s.blob);
        } else if (r.status === 408 || r.status === 429 || r.status >= 500) {
          entry.attempts++;
          entry.nextAt = Date.now() + Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, entry.attempts - 1));
          entry.error = (r.answer && r.answer.message) || ('HTTP ' + r.status);
          await FR.db.put('queue', entry);
          await changed(entry);
          wait = entry.nextAt - Date.now();
          break;
        } else {
          // A refusal (overdraw, not allowed, bad input) is final: shown, never sent again.
          entry.status = 'refused'; entry.httpStatus = r.status; entry.refusal = r.answer;
          entry.error = FR.refusalText(r.status, r.answer);
        }
        await FR.db.put('queue', entry);
        await changed(entry);
      }
    } finally {
      flushing = false;
      if (wait !== null) flushTimer = setTimeout(FR.flush, Math.max(200, wait));
    }
  };
  window.addEventListener('online', () => { FR.setOnline(true); FR.db.all('queue').then((all) => {
    all.filter((e) => e.status === 'pending').forEach((e) => { e.nextAt = 0; FR.db.put('queue', e); });
  }).then(() => setTimeout(FR.flush, 100)); });
  window.addEventListener('offline', () => FR.setOnline(false));
  setInterval(() => { if (!flushing) FR.flush(); }, 5000);

  /** Waits (a little) for an entry to be answered, so an online user sees the result at once. */
  FR.settled = (id, ms) => new Promise((resolve) => {
    const end = Date.now() + (ms || 8000);
    (async function poll() {
      const e = await FR.db.get('queue', id);
      if (!e || e.status !== 'pending' || Date.now() > end) return resolve(e);
      setTimeout(poll, 250);
    })();
  });

  FR.refusalText = (status, body) => {
    const code = body && body.error;
    const msg = (body && body.message) || ('HTTP ' + status);
    const zh = {
      insufficient_stock: '库存不足', validation_failed: '填写有误', forbidden: '无权操作', not_found: '找不到',
      conflict: '冲突', lot_scrapped: '批次已报废', condition_unchanged: '状态未变'
    }[code] || (status === 403 ? '无权操作' : status === 404 ? '找不到' : status === 409 ? '冲突' : '被拒绝');
    return zh + ' · ' + msg;
  };

  // ---------- forms ----------
  /** Marks each field the server (or the phone) refused, next to the field itself. */
  // The server's field problems are English; the phone puts the Chinese first.
  const FIELD_ZH = [
    [/^the lot holds (.+)$/, (m) => '该批次只有 ' + m[1]], [/is required/, () => '必填'],
    [/must not be in the future/, () => '不能晚于现在'], [/must be within the last (\d+) days/, (m) => '须在最近 ' + m[1] + ' 天内'],
    [/must be > 0|must be more than/, () => '须大于 0'], [/not a number|must be a number/, () => '须为数字']
  ];
  FR.fieldText = (problem) => {
    for (const [re, zh] of FIELD_ZH) {
      const m = String(problem).match(re);
      if (m) return zh(m) + ' · ' + problem;
    }
    return /[\u4e00-\u9fff]/.test(problem) ? problem : '填写有误 · ' + problem;
  };

  FR.markFields = (form, fields) => {
    form.querySelectorAll('.field-error').forEach((el) => el.remove());
    form.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    let first = null;
    Object.entries(fields || {}).forEach(([name, problem]) => {
      const input = form.querySelector('[name="' + name + '"]');
      if (!input) return;
      input.classList.add('invalid');
      const p = document.createElement('p');
      p.className = 'field-error';
      p.textContent = FR.fieldText(problem);
      (input.closest('label') || input).insertAdjacentElement('afterend', p);
      first = first || input;
    });
    if (first) first.focus();
    return Object.keys(fields || {}).length > 0;
  };

  /** Required fields and whole numbers, checked on the phone before anything is queued. */
  FR.checkForm = (form, unit) => {
    const fields = {};
    form.querySelectorAll('[required]').forEach((el) => {
      if (!String(el.value || '').trim()) fields[el.name] = '必填 required';
    });
    form.querySelectorAll('input[data-quantity]').forEach((el) => {
      if (!el.value) return;
      const v = Number(el.value);
      if (!(v > 0)) fields[el.name] = '须大于 0 must be more than 0';
      else if (FR.countable(unit) && !Number.isInteger(v)) fields[el.name] = '须为整数 must be a whole number (' + unit + ')';
    });
    return FR.markFields(form, fields) ? null : Object.fromEntries(new FormData(form).entries());
  };

  FR.needLogin = () => { if (FR.onNeedLogin) FR.onNeedLogin(); };

  /** Reads QR codes with the phone's camera into {@code video} until one is found; {@code onCode} gets its text. */
  FR.scanQr = async (video, onCode, resultEl) => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream; video.hidden = false; await video.play();
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      const tick = async () => {
        if (!document.body.contains(video)) { stream.getTracks().forEach((t) => t.stop()); return; }
        const codes = await detector.detect(video).catch(() => []);
        if (codes.length) { stream.getTracks().forEach((t) => t.stop()); onCode(codes[0].rawValue); } else { requestAnimationFrame(tick); }
      };
      tick();
    } catch (e) {
      resultEl.textContent = '无法打开相机 Camera not available: ' + e.message;
    }
  };
})();
