/* FloodReady duty-room board: plain JavaScript, no external assets. The panels, their data sources,
   refresh rules and columns come from the server's board definition (dashboards/board.json). */
(function () {
  'use strict';

  const TOKEN_KEY = 'floodready.token';
  const USER_KEY = 'floodready.user';
  const $ = (id) => document.getElementById(id);
  const state = {
    definition: null,
    panels: new Map(),      // id -> {def, el, loadedAt, updatedAt, timer, inFlight, again}
    source: null,
    live: 'init',           // init | ok | lost | unavailable
    liveOpenedOnce: false,
    reconnectTimer: null,
    ackAlert: null
  };

  // ---------- HTTP ----------
  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers = Object.assign({ 'Accept': 'application/json' }, opts.headers);
    if (token()) opts.headers['Authorization'] = 'Bearer ' + token();
    if (opts.json !== undefined) {
      opts.method = opts.method || 'POST';
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    const res = await fetch(path, opts);
    if (res.status === 401 && path !== '/api/auth/login') {
      logout('登录已过期，请重新登录 Session expired, log in again');
      throw new Error('unauthorized');
    }
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
    if (!res.ok) {
      const err = new Error((body && body.message) || ('HTTP ' + res.status));
      err.status = res.status;
      err.body = body;
      throw err;
    }
    return body;
  }

  // ---------- login ----------
  async function login(ev) {
    ev.preventDefault();
    $('login-error').textContent = '';
    try {
      const r = await api('/api/auth/login', { json: { username: $('username').value, password: $('password').value } });
      sessionStorage.setItem(TOKEN_KEY, r.token);
      sessionStorage.setItem(USER_KEY, JSON.stringify(r.user));
      // Keepers, river chiefs and inspectors work on a phone: their home is the field app (/?board keeps the board).
      if (['base_keeper', 'river_chief', 'inspector'].includes(r.user.role) && !new URLSearchParams(location.search).has('board')) {
        location.assign('/field/');
        return;
      }
      await startBoard();
    } catch (e) {
      $('login-error').textContent = e.status === 429 ? '尝试次数过多，请稍后 Too many attempts, wait a moment'
        : '用户名或密码错误 Wrong username or password';
    }
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    fetch('/api/auth/logout', { method: 'POST' }).catch(() => {});
    stopLive();
    state.panels.forEach((p) => clearTimeout(p.timer));
    state.panels.clear();
    $('board').hidden = true;
    $('username').value = '';
    $('password').value = '';
    $('detail').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  // ---------- board ----------
  async function startBoard() {
    const user = JSON.parse(sessionStorage.getItem(USER_KEY) || '{}');
    state.definition = await api('/api/dashboard/definition');
    $('login').hidden = true;
    $('board').hidden = false;
    $('board-title').textContent = state.definition.title;
    document.title = state.definition.title;
    $('user-name').textContent = user.displayName || user.username || '';
    const reportAllowed = ['admin', 'duty_officer', 'viewer'].includes(user.role);
    $('report-link').hidden = !reportAllowed;
    $('report-link').href = '/api/dashboard/reports/daily';
    const container = $('panels');
    container.innerHTML = '';
    state.panels.clear();
    for (const def of state.definition.panels) {
      const el = panelElement(def);
      if (def.id !== 'response-level') container.appendChild(el);
      const panel = { def, el, loadedAt: null, updatedAt: null, timer: null, inFlight: false, again: false, data: null };
      state.panels.set(def.id, panel);
      refresh(panel);
    }
    startLive();
  }

  function panelElement(def) {
    const el = document.createElement('section');
    el.className = 'panel' + (def.wide ? ' wide' : '') + (def.render === 'map' ? ' map' : '') + (def.render === 'alerts' ? ' alerts' : '');
    el.id = 'panel-' + def.id;
    el.dataset.panel = def.id;
    el.innerHTML = '<header><h2></h2><span class="age" data-role="age">…</span></header>'
      + '<div class="body" data-role="body"><p class="unavailable">加载中 Loading…</p></div>';
    el.querySelector('h2').textContent = def.title;
    if (def.chart) {
      const img = document.createElement('img');
      img.className = 'chart';
      img.alt = def.title;
      img.dataset.role = 'chart';
      img.hidden = true;
      img.addEventListener('load', () => { img.hidden = false; });
      img.addEventListener('error', () => { img.hidden = true; });
      el.appendChild(img);
    }
    return el;
  }

  function pollSeconds(panel) {
    const base = panel.def.refreshSeconds || state.definition.refreshSeconds || 30;
    return state.live === 'ok' ? Math.max(base, 60) : base;
  }

  function schedule(panel) {
    clearTimeout(panel.timer);
    panel.timer = setTimeout(() => refresh(panel), pollSeconds(panel) * 1000);
  }

  async function refresh(panel) {
    if (!state.panels.has(panel.def.id)) return;
    if (panel.inFlight) { panel.again = true; return; }
    panel.inFlight = true;
    const body = panel.el.querySelector('[data-role=body]');
    try {
      const data = await api(panel.def.source);
      panel.data = data;
      panel.loadedAt = Date.now();
      panel.updatedAt = data && data.updatedAt ? Date.parse(data.updatedAt) : panel.loadedAt;
      panel.el.classList.remove('unavailable-panel');
      const renderer = RENDERERS[panel.def.render] || RENDERERS.table;
      const content = renderer(data, panel.def);
      body.innerHTML = '';
      body.appendChild(content);
      panel.el.dataset.loadedAt = String(panel.loadedAt);
      panel.el.dataset.version = String((Number(panel.el.dataset.version) || 0) + 1);
      refreshChart(panel);
    } catch (e) {
      if (e.message === 'unauthorized') return;
      if (e.status === 404 || e.status === 405) {
        body.innerHTML = '<p class="unavailable">此面板的数据尚未接入 Data source not available on this server yet</p>';
        panel.el.classList.add('unavailable-panel');
        panel.el.querySelector('[data-role=age]').textContent = '—';
      } else if (e.status === 403) {
        // Outside the user's scope: the panel steps aside and the others take its place.
        body.innerHTML = '<p class="unavailable">无权查看 Not in your scope</p>';
        panel.el.hidden = true;
        panel.el.dataset.scope = 'outside';
      } else {
        body.insertAdjacentHTML('afterbegin', '<p class="error">刷新失败 Refresh failed: ' + esc(e.message) + '</p>');
      }
    } finally {
      panel.inFlight = false;
      if (panel.again) { panel.again = false; refresh(panel); } else { schedule(panel); }
    }
  }

  function refreshChart(panel) {
    const img = panel.el.querySelector('[data-role=chart]');
    if (!img) return;
    // The server answers 304 for an unchanged chart; the counter only makes the browser ask again.
    // Rendered at the size it is shown (device pixels), so chart text stays as large as the board's.
    const url = new URL(panel.def.chart, location.origin);
    const shown = Math.round((panel.el.clientWidth - 32) * (window.devicePixelRatio || 1));
    if (shown > 0) {
      // Width follows the panel; height is the definition's chartHeight in CSS pixels (default 280).
      const dpr = window.devicePixelRatio || 1;
      const width = Math.max(200, Math.min(2000, Math.round(shown / 50) * 50));
      const height = Math.round((panel.def.chartHeight || 280) * dpr);
      url.searchParams.set('width', String(width));
      url.searchParams.set('height', String(Math.max(150, Math.min(1200, height))));
    }
    url.searchParams.set('access_token', token());
    url.searchParams.set('n', panel.el.dataset.version);
    img.src = url.pathname + url.search;
  }

  // ---------- ages ----------
  function ageText(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return s + ' 秒前 s ago';
    if (s < 3600) return Math.floor(s / 60) + ' 分钟前 min ago';
    if (s < 86400) return Math.floor(s / 3600) + ' 小时前 h ago';
    return Math.floor(s / 86400) + ' 天前 d ago';
  }

  function tick() {
    const now = Date.now();
    $('clock').textContent = new Date(now).toLocaleString('zh-CN', { hour12: false });
    state.panels.forEach((p) => {
      const age = p.el.querySelector('[data-role=age]');
      if (!age || !p.updatedAt) return;
      const ms = now - p.updatedAt;
      age.textContent = '更新于 updated ' + ageText(ms);
      age.classList.toggle('stale', ms > 3 * pollSeconds(p) * 1000 + 5000);
    });
    document.querySelectorAll('[data-at]').forEach((el) => {
      const t = Date.parse(el.dataset.at);
      if (!isNaN(t)) el.textContent = ageText(now - t);
    });
  }

  // ---------- live stream ----------
  function setLive(status, text) {
    state.live = status;
    const el = $('live-status');
    el.className = 'live-status ' + status;
    el.textContent = text;
    el.dataset.state = status;
  }

  function startLive() {
    stopLive();
    if (!token()) return;
    const es = new EventSource('/api/live?access_token=' + encodeURIComponent(token()));
    state.source = es;
    es.onopen = () => {
      const wasLost = state.live === 'lost';
      state.liveOpenedOnce = true;
      setLive('ok', '实时推送 Live');
      if (wasLost) state.panels.forEach((p) => refresh(p));
    };
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        if (state.liveOpenedOnce) {
          setLive('lost', '连接中断，正在重连 Connection lost, reconnecting…');
        } else {
          setLive('unavailable', '实时推送不可用，定时刷新 Live stream unavailable — polling');
        }
        clearTimeout(state.reconnectTimer);
        state.reconnectTimer = setTimeout(startLive, state.liveOpenedOnce ? 3000 : 30000);
      } else {
        setLive('lost', '连接中断，正在重连 Connection lost, reconnecting…');
      }
    };
    const names = new Set(['snapshot', 'readiness', 'alert']);
    state.definition.panels.forEach((p) => (p.events || []).forEach((e) => names.add(e)));
    names.forEach((name) => es.addEventListener(name, () => onLiveEvent(name)));
  }

  function stopLive() {
    clearTimeout(state.reconnectTimer);
    if (state.source) { state.source.close(); state.source = null; }
  }

  const pending = new Set();
  let pendingTimer = null;
  function onLiveEvent(name) {
    state.panels.forEach((p) => {
      if (name === 'snapshot' || (p.def.events || []).includes(name)) pending.add(p);
    });
    // Bursts of events (a stocktake, a sweep) become one refresh per panel.
    clearTimeout(pendingTimer);
    pendingTimer = setTimeout(() => { pending.forEach((p) => refresh(p)); pending.clear(); }, 300);
  }

  // ---------- renderers ----------
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function get(obj, key) {
    return key.split('.').reduce((o, k) => (o == null ? o : o[k]), obj);
  }

  const LEVEL_NAMES = { none: '正常 normal', normal: '正常 normal', blue: '蓝 blue', yellow: '黄 yellow', orange: '橙 orange', red: '红 red' };

  function cell(value, col, row) {
    switch (col.type) {
      case 'number': return value == null ? '' : Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
      case 'percent': return value == null ? '—' : Number(value).toFixed(0) + '%';
      case 'age': return value ? '<span data-at="' + esc(value) + '">' + ageText(Date.now() - Date.parse(value)) + '</span>' : '—';
      case 'level': {
        const silent = col.silentKey && get(row, col.silentKey);
        const lv = value || 'none';
        return '<span class="badge ' + esc(lv) + '">' + esc(LEVEL_NAMES[lv] || lv) + '</span>'
          + (silent ? ' <span class="badge silent">失联 silent</span>' : '');
      }
      case 'flag':
        return value === 'red' ? '<span class="flag-red">红旗 ▲</span>' : value === 'black' ? '<span class="flag-black">黑旗 ▼</span>' : '';
      case 'bool': return value ? '是 yes' : '';
      default: return esc(value == null ? '' : value);
    }
  }

  const LEVEL_ORDER = { city: 0, district: 1, street: 2, community: 3 };
  const UNIT_LEVEL_NAMES = { city: '市 city', district: '区 district', street: '街道/乡镇 street', community: '社区/村 community' };

  /** Ascending by each key in turn; missing values last. */
  function compareBy(a, b, keys) {
    for (const k of keys) {
      const x = get(a, k), y = get(b, k);
      if (x == null && y == null) continue;
      if (x == null) return 1;
      if (y == null) return -1;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  }

  function table(data, def) {
    let items = ((def.items ? get(data, def.items) : data.items) || []).slice();
    if (def.filter) items = items.filter((row) => def.filter.in.includes(get(row, def.filter.key)));
    items.forEach((row) => {
      if (row.level && LEVEL_ORDER[row.level] !== undefined) {
        row.levelOrder = LEVEL_ORDER[row.level];
        row.levelZh = UNIT_LEVEL_NAMES[row.level];
      }
    });
    if (def.sortBy) items.sort((a, b) => compareBy(a, b, def.sortBy));
    if (!items.length) {
      const p = document.createElement('p');
      p.className = 'unavailable';
      p.textContent = def.empty || '无记录 Nothing to show';
      return p;
    }
    const t = document.createElement('table');
    const numeric = (c) => ['number', 'percent'].includes(c.type);
    t.innerHTML = '<thead><tr>' + def.columns.map((c) => '<th' + (numeric(c) ? ' class="num"' : '') + '>' + esc(c.label) + '</th>').join('') + '</tr></thead>';
    const tbody = document.createElement('tbody');
    for (const row of items) {
      const tr = document.createElement('tr');
      (def.rowClasses || []).forEach((rc) => {
        const v = get(row, rc.key);
        if ('equals' in rc ? v === rc.equals : v) tr.classList.add(rc.class);
      });
      if (def.rowId) tr.dataset.id = String(get(row, def.rowId));
      tr.innerHTML = def.columns.map((c) => '<td' + (numeric(c) ? ' class="num"' : '') + ' data-key="' + esc(c.key) + '">' + cell(get(row, c.key), c, row) + '</td>').join('');
      if (def.detail) tr.addEventListener('click', () => showDetail(row[def.detail.title] || '', row, def.detail.path, row));
      tbody.appendChild(tr);
    }
    t.appendChild(tbody);
    return t;
  }

  function alerts(data, def) {
    const items = data.items || [];
    const wrap = document.createElement('div');
    if (!items.length) {
      wrap.innerHTML = '<p class="unavailable">当前无预警 No active alerts</p>';
      return wrap;
    }
    const ul = document.createElement('ul');
    for (const a of items) {
      const li = document.createElement('li');
      li.dataset.id = a.id;
      li.dataset.status = a.status;
      li.innerHTML = '<span class="badge ' + esc(a.level) + '">' + esc(LEVEL_NAMES[a.level] || a.level) + '</span>'
        + '<span class="what"><strong>' + esc(a.checkpointNameZh || a.title || '') + '</strong> ' + esc(a.message || '')
        + '<br><small>' + esc(a.status) + ' · <span data-at="' + esc(a.raisedAt) + '">' + ageText(Date.now() - Date.parse(a.raisedAt)) + '</span>'
        + (a.acknowledgedBy ? ' · 已确认 acknowledged by ' + esc(a.acknowledgedBy) : '') + '</small></span>';
      if (a.canAcknowledge) {
        const b = document.createElement('button');
        b.className = 'button primary ack';
        b.type = 'button';
        b.textContent = '确认 Acknowledge';
        b.addEventListener('click', () => openAck(a, def));
        li.appendChild(b);
      } else if (a.acknowledgedAt) {
        li.insertAdjacentHTML('beforeend', '<span class="acked">✔</span>');
      }
      ul.appendChild(li);
    }
    wrap.appendChild(ul);
    return wrap;
  }

  function openAck(alert, def) {
    state.ackAlert = { alert, def };
    $('ack-what').textContent = (alert.checkpointNameZh || '') + ' — ' + (alert.message || alert.level);
    $('ack-comment').value = '';
    $('ack-error').textContent = '';
    $('ack-dialog').showModal();
  }

  async function submitAck(ev) {
    ev.preventDefault();
    const { alert, def } = state.ackAlert || {};
    if (!alert) return;
    const comment = $('ack-comment').value.trim();
    if (!comment) { $('ack-error').textContent = '请填写说明 Please add a comment'; return; }
    try {
      await api(def.acknowledgePath.replace('{id}', alert.id), { json: { comment } });
      $('ack-dialog').close();
      const panel = state.panels.get(def.id);
      if (panel) refresh(panel);
    } catch (e) {
      $('ack-error').textContent = e.message;
    }
  }

  function responseLevel(data) {
    const level = data.level || data.value || 'none';
    const badge = $('response-level');
    badge.className = 'response-level lv-' + level;
    badge.textContent = level === 'none' ? '未启动应急响应 No emergency response' : '应急响应 ' + (data.nameZh || level) + ' 级 Level ' + level;
    const p = document.createElement('p');
    p.textContent = badge.textContent;
    return p;
  }

  function map(data, def) {
    const wrap = document.createElement('div');
    const pts = [];
    (data.bases || []).forEach((b) => pts.push([b.lon, b.lat]));
    (data.checkpoints || []).forEach((c) => pts.push([c.lon, c.lat]));
    (data.reaches || []).forEach((r) => (r.coordinates || []).forEach((c) => pts.push(c)));
    if (!pts.length) { wrap.innerHTML = '<p class="unavailable">暂无站点 No sites yet</p>'; return wrap; }
    const W = 1000, H = 560, pad = 40;
    let minX = Math.min(...pts.map((p) => p[0])), maxX = Math.max(...pts.map((p) => p[0]));
    let minY = Math.min(...pts.map((p) => p[1])), maxY = Math.max(...pts.map((p) => p[1]));
    const kx = Math.cos(((minY + maxY) / 2) * Math.PI / 180);   // equirectangular, true shape at this latitude
    const spanX = Math.max((maxX - minX) * kx, 1e-4), spanY = Math.max(maxY - minY, 1e-4);
    const scale = Math.min((W - 2 * pad) / spanX, (H - 2 * pad) / spanY);
    const x = (lon) => pad + (lon - minX) * kx * scale;
    const y = (lat) => H - pad - (lat - minY) * scale;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    const colour = { none: '#43a047', normal: '#43a047', ok: '#43a047', blue: '#42a5f5', yellow: '#fdd835', orange: '#fb8c00', red: '#e53935', short: '#e53935', overdue: '#e53935', silent: '#ab47bc' };
    const add = (tag, attrs, feature, kind) => {
      const el = document.createElementNS(ns, tag);
      Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
      if (feature) {
        el.dataset.kind = kind;
        el.dataset.id = feature.id;
        const title = document.createElementNS(ns, 'title');
        title.textContent = feature.nameZh;
        el.appendChild(title);
        el.addEventListener('click', () => showDetail(feature.nameZh, feature, feature.detailPath));
      }
      svg.appendChild(el);
      return el;
    };
    (data.reaches || []).forEach((r) => add('polyline', {
      points: (r.coordinates || []).map((c) => x(c[0]) + ',' + y(c[1])).join(' '),
      fill: 'none', stroke: colour[r.state] || '#42a5f5', 'stroke-width': 5, 'stroke-linecap': 'round'
    }, r, 'reach'));
    (data.bases || []).forEach((b) => {
      add('rect', { x: x(b.lon) - 8, y: y(b.lat) - 8, width: 16, height: 16, fill: colour[b.state] || '#43a047', stroke: '#fff', 'stroke-width': 1.5 }, b, 'base');
      add('text', { x: x(b.lon) + 11, y: y(b.lat) + 4 }).textContent = b.nameZh;
    });
    (data.checkpoints || []).forEach((c) => {
      const st = c.silent ? 'silent' : (c.level || 'none');
      add('circle', { cx: x(c.lon), cy: y(c.lat), r: c.silent ? 10 : 8, fill: colour[st] || '#43a047', stroke: c.silent ? '#fff' : '#0b131b', 'stroke-width': c.silent ? 3 : 1.5, 'stroke-dasharray': c.silent ? '3 2' : '' }, c, 'checkpoint');
      add('text', { x: x(c.lon) + 11, y: y(c.lat) + 4 }).textContent = c.nameZh;
    });
    wrap.appendChild(svg);
    wrap.insertAdjacentHTML('beforeend', '<div class="legend"><span>■ 物资基地 base</span><span>● 水库/积水点 checkpoint</span>'
      + '<span>━ 河段 reach</span><span style="color:#e53935">红 短缺/超期/红色预警 short·overdue·red</span><span style="color:#ab47bc">◌ 失联 silent</span></div>');
    return wrap;
  }

  function showDetail(title, obj, path) {
    $('detail-title').textContent = title || '';
    const dl = $('detail-body');
    dl.innerHTML = '';
    Object.entries(obj).forEach(([k, v]) => {
      if (v === null || typeof v === 'object' || k === 'detailPath') return;
      dl.insertAdjacentHTML('beforeend', '<dt>' + esc(k) + '</dt><dd>' + esc(v) + '</dd>');
    });
    if (path) dl.insertAdjacentHTML('beforeend', '<dt>API</dt><dd><a href="' + esc(path) + '" target="_blank" rel="noopener">' + esc(path) + '</a></dd>');
    const chart = $('detail-chart');
    if (obj.chart) {
      const w = Math.round(chart.parentElement.clientWidth * (window.devicePixelRatio || 1)) || 800;
      chart.src = obj.chart + '?width=' + Math.max(200, Math.min(2000, w)) + '&height=' + Math.round(Math.min(1200, w * 0.5))
        + '&access_token=' + encodeURIComponent(token());
      chart.hidden = false;
    } else {
      chart.hidden = true;
      chart.removeAttribute('src');
    }
    $('detail').hidden = false;
  }

  const RENDERERS = { table, alerts, map, responseLevel };

  // ---------- start ----------
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', () => logout());
  $('ack-form').addEventListener('submit', submitAck);
  $('ack-cancel').addEventListener('click', () => $('ack-dialog').close());
  $('detail-close').addEventListener('click', () => { $('detail').hidden = true; });
  setInterval(tick, 1000);
  if (token()) {
    startBoard().catch(() => logout());
  } else {
    $('login').hidden = false;
  }
})();
