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
    if (opts.idempotent) {
      opts.headers['Idempotency-Key'] = opts.idempotent;
      delete opts.idempotent;
    }
    let res;
    try {
      res = await fetch(path, opts);
    } catch (e) {
      // The network or the server is down: one status line for the board, not an error per panel.
      setOnline(false);
      const err = new Error('offline');
      err.offline = true;
      throw err;
    }
    setOnline(true);
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
      const query = new URLSearchParams(location.search);
      if (['base_keeper', 'river_chief', 'inspector', 'requester'].includes(r.user.role) && !query.has('board') && !query.has('ack')) {
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
    clearTimeout(state.onDutyTimer);
    $('board').hidden = true;
    $('username').value = '';
    $('password').value = '';
    $('detail').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  // ---------- words: one table for every enum value the board shows (Chinese first, English second) ----------
  const ZH = {
    none: '正常 normal', normal: '正常 normal', ok: '正常 normal', blue: '蓝 blue', yellow: '黄 yellow', orange: '橙 orange', red: '红 red',
    silent: '失联 silent', unknown: '未知 never reported', short: '短缺 short', overdue: '超期 overdue',
    raised: '待确认 raised', escalated: '超时升级 escalated', acknowledged: '已确认 acknowledged', resolved: '已解除 resolved',
    reported: '已上报 reported', assigned: '已交办 assigned', rectifying: '整改中 rectifying', rectified: '已整改待核查 rectified', closed: '已销号 closed',
    high: '高 high', medium: '中 medium', low: '低 low',
    water_body: '水体 water body', water_surface: '水面 water surface', channel: '河道 channel', bank: '岸线 bank',
    water_activity: '涉水活动 activity on the water', outfall: '排污口 outfall', signboard: '公示牌 signboard', structure: '建筑物 structure',
    seepage_piping: '渗漏管涌 seepage/piping', bank_collapse: '岸坡坍塌 bank collapse', blocked_culvert: '涵洞淤堵 blocked culvert', inspection: '检查发现 inspection finding',
    dispatched: '已下达 dispatched', in_transit: '已出库在途 departed', received: '已接收 received',
    city: '市 city', district: '区 district', street: '街道/乡镇 street', community: '社区/村 community',
    materials: '防御材料 materials', life_saving: '救生器材 life-saving', equipment: '抢险机具 equipment',
    reservoir: '水库 reservoir', waterlogging: '积水点 waterlogging', underpass: '下穿通道 underpass', tunnel: '隧道 tunnel',
    culvert: '涵洞 culvert', road: '道路 road', level: '水位 level', report: '上报照片 report', evidence: '整改照片 evidence',
    township: '乡镇级 township', village: '村级 village', county: '县级 county', week: '每周 week', month: '每月 month', quarter: '每季度 quarter',
    true: '是 yes', false: '否 no'
  };
  const RESPONSE = { none: '未启动 No response', IV: 'Ⅳ级 Level IV', III: 'Ⅲ级 Level III', II: 'Ⅱ级 Level II', I: 'Ⅰ级 Level I' };
  const CHANNELS = { email: '邮件 e-mail', sms: '短信 SMS', wecom: '企业微信 WeCom', dingtalk: '钉钉 DingTalk', feishu: '飞书 Feishu', none: '无联系方式 no channel' };
  const DELIVERY = { pending: '待发送 pending', sending: '发送中 sending', sent: '已送达 delivered', failed: '发送失败 failed', cancelled: '已取消 cancelled' };
  const zh = (v) => (v == null || v === '' ? '—' : (ZH[v] || String(v)));

  function zone() { return (state.definition && state.definition.timeZone) || 'Asia/Shanghai'; }

  /** 2026-11-30 22:33 in the district's zone, whatever the browser's zone. */
  function fmtTime(iso, seconds) {
    if (!iso) return '—';
    const d = new Date(iso);
    if (isNaN(d)) return String(iso);
    const parts = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: zone(), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
      minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(d).forEach((x) => { parts[x.type] = x.value; });
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + (seconds ? ':' + parts.second : '');
  }

  function fmtNum(v) {
    if (v == null || v === '') return '';
    const n = Number(v);
    return isNaN(n) ? String(v) : n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  }

  function user() { return JSON.parse(sessionStorage.getItem(USER_KEY) || '{}'); }
  const isDutyRoom = () => ['admin', 'duty_officer'].includes(user().role);

  // ---------- connection: one status line, actions disabled while the server is unreachable ----------
  function setOnline(online) {
    if (state.online === online) return;
    state.online = online;
    const line = $('net-status');
    if (line) {
      line.hidden = online;
      line.textContent = online ? '' : '服务器无法连接，显示的是最后一次数据；操作已停用 Server unreachable — showing the last data, actions disabled';
    }
    document.body.classList.toggle('offline', !online);
    document.querySelectorAll('button.action, #response-level').forEach((b) => { b.disabled = !online; });
    if (online && state.panels.size) state.panels.forEach((p) => { if (p.failed) refresh(p); });
  }

  // ---------- board ----------
  async function startBoard() {
    const me = user();
    state.definition = await api('/api/dashboard/definition');
    $('login').hidden = true;
    $('board').hidden = false;
    $('board-title').textContent = state.definition.title;
    document.title = state.definition.title;
    $('user-name').textContent = me.displayName || me.username || '';
    const reportAllowed = ['admin', 'duty_officer', 'viewer'].includes(me.role);
    $('report-link').hidden = !reportAllowed;
    $('report-link').href = '/api/dashboard/reports/daily';
    if ($('admin-link')) $('admin-link').hidden = me.role !== 'admin';
    $('duty-link').hidden = !isDutyRoom();
    $('response-level').disabled = !isDutyRoom();
    $('response-level').classList.toggle('settable', isDutyRoom());
    const container = $('panels');
    container.innerHTML = '';
    state.panels.clear();
    state.definition.panels.forEach((def, index) => {
      const el = panelElement(def, index);
      if (def.id !== 'response-level') container.appendChild(el);
      const panel = { def, el, loadedAt: null, updatedAt: null, timer: null, inFlight: false, again: false, data: null };
      state.panels.set(def.id, panel);
    });
    // Panels are sized by the grid before the first chart asks for its width.
    state.panels.forEach((p) => refresh(p));
    loadOnDuty();
    startLive();
    openAckFromLink();
  }

  // ---------- who is on duty now (header) ----------
  async function loadOnDuty() {
    clearTimeout(state.onDutyTimer);
    const el = $('on-duty');
    try {
      const r = await api('/api/duty/now');
      const officers = new Map(), leaders = new Map();
      (r.items || []).forEach((s) => {
        (s.officers || []).forEach((p) => { if (p) officers.set(p.id, p); });
        if (s.leader) leaders.set(s.leader.id, s.leader);
      });
      const person = (p) => '<span class="person" data-user="' + esc(p.id) + '">' + esc(p.displayName || p.username)
        + (p.phone ? ' <a href="tel:' + esc(p.phone) + '">' + esc(p.phone) + '</a>' : '') + '</span>';
      el.innerHTML = officers.size
        ? '<span class="label">值班 On duty</span> ' + [...officers.values()].map(person).join('、')
          + (leaders.size ? ' <span class="label">带班领导 Leader on call</span> ' + [...leaders.values()].map(person).join('、') : '')
        : '<span class="label">值班 On duty</span> <span class="muted">无排班 No shift now</span>';
      el.hidden = false;
    } catch (e) {
      if (e.status === 403) { el.hidden = true; return; }
    }
    if (token()) state.onDutyTimer = setTimeout(loadOnDuty, 60000);
  }

  function panelElement(def, index) {
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
      // Sized before it loads, so nothing below moves; only the first row is loaded eagerly.
      img.width = 900;
      img.height = def.chartHeight || 300;
      if (index > 3) img.loading = 'lazy';
      img.addEventListener('error', () => { img.classList.add('failed'); });
      img.addEventListener('load', () => { img.classList.remove('failed'); });
      el.appendChild(img);
    }
    return el;
  }

  function pollSeconds(panel) {
    const base = panel.def.refreshSeconds || state.definition.refreshSeconds || 30;
    // a panel fed by no event (the delivery log: a send changes no domain state) keeps polling
    return state.live === 'ok' && !panel.def.poll ? Math.max(base, 60) : base;
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
      const data = await api(panel.def.source + (panel.def.render === 'map' ? mapQuery(panel.def) : ''));
      panel.data = data;
      panel.failed = false;
      panel.loadedAt = Date.now();
      panel.updatedAt = data && data.updatedAt ? Date.parse(data.updatedAt) : panel.loadedAt;
      panel.el.classList.remove('unavailable-panel');
      const renderer = RENDERERS[panel.def.render] || RENDERERS.table;
      const content = renderer(data, panel.def);
      body.innerHTML = '';
      body.appendChild(content);
      panel.el.dataset.loadedAt = String(panel.loadedAt);
      // shown with the data, not up to a second later with the next tick
      showAge(panel, Date.now());
      panel.el.dataset.version = String((Number(panel.el.dataset.version) || 0) + 1);
      if (!state.online) content.querySelectorAll('button.action').forEach((b) => { b.disabled = true; });
      refreshChart(panel);
    } catch (e) {
      panel.failed = true;
      if (e.message === 'unauthorized' || e.offline) return;
      if (e.status === 404 || e.status === 405) {
        body.innerHTML = '<p class="unavailable">此面板的数据尚未接入 Data source not available on this server yet</p>';
        panel.el.classList.add('unavailable-panel');
        panel.el.querySelector('[data-role=age]').textContent = '—';
      } else if (e.status === 403) {
        body.innerHTML = '<p class="unavailable">无权查看 Not in your scope</p>';
        panel.el.hidden = true;
        panel.el.dataset.scope = 'outside';
      } else {
        body.querySelectorAll('p.error').forEach((x) => x.remove());
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
      const dpr = window.devicePixelRatio || 1;
      const width = Math.max(200, Math.min(2000, Math.round(shown / 50) * 50));
      const height = Math.max(150, Math.min(1200, Math.round((panel.def.chartHeight || 300) * dpr)));
      url.searchParams.set('width', String(width));
      url.searchParams.set('height', String(height));
      img.width = width;
      img.height = height;
    }
    url.searchParams.set('access_token', token());
    url.searchParams.set('n', panel.el.dataset.version);
    img.src = url.pathname + url.search;
  }

  // ---------- ages ----------
  function ageParts(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return [s + ' 秒前', s + ' s ago'];
    if (s < 3600) return [Math.floor(s / 60) + ' 分钟前', Math.floor(s / 60) + ' min ago'];
    if (s < 86400) return [Math.floor(s / 3600) + ' 小时前', Math.floor(s / 3600) + ' h ago'];
    return [Math.floor(s / 86400) + ' 天前', Math.floor(s / 86400) + ' d ago'];
  }

  function ageText(ms) {
    const [zhAge, enAge] = ageParts(ms);
    return zhAge + ' · ' + enAge;
  }

  function showAge(p, now) {
    const age = p.el.querySelector('[data-role=age]');
    if (!age || !p.updatedAt) return;
    const ms = now - p.updatedAt;
    const [zhAge, enAge] = ageParts(ms);
    age.textContent = '更新于 ' + zhAge + ' · updated ' + enAge;
    age.classList.toggle('stale', ms > 3 * pollSeconds(p) * 1000 + 5000);
  }

  function tick() {
    const now = Date.now();
    $('clock').textContent = fmtTime(new Date(now).toISOString(), true);
    state.panels.forEach((p) => showAge(p, now));
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
      // The stream opens with a snapshot of what the panels have just loaded (or, after a drop, what the
      // round below loads): it must not start a second round of every panel and chart.
      state.skipSnapshot = true;
      setLive('ok', '实时推送 Live');
      setOnline(true);
      if (wasLost) state.panels.forEach((p) => refresh(p));
    };
    es.onerror = () => {
      // Is it the stream or the whole server? One request tells, and sets the status line.
      fetch('/health', { cache: 'no-store' }).then(() => setOnline(true), () => setOnline(false));
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
    const names = new Set(['snapshot', 'readiness', 'alert', 'duty.changed']);
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
    if (name === 'duty.changed') { loadOnDuty(); return; }
    if (name === 'snapshot' && state.skipSnapshot) { state.skipSnapshot = false; return; }
    state.panels.forEach((p) => {
      if (name === 'snapshot' || (p.def.events || []).includes(name)) pending.add(p);
    });
    // Bursts of events (a stocktake, a sweep) become one refresh per panel.
    clearTimeout(pendingTimer);
    pendingTimer = setTimeout(() => { pending.forEach((p) => refresh(p)); pending.clear(); }, 300);
  }

  function refreshPanels(...ids) {
    ids.forEach((id) => { const p = state.panels.get(id); if (p) refresh(p); });
  }

  /**
   * After the board's own write: on the live stream the change comes back as an event that refreshes the
   * panels (one fetch per change); only a panel the event has not refreshed within 3 s is fetched here.
   */
  function afterWrite(...ids) {
    if (state.live !== 'ok') { refreshPanels(...ids); return; }
    const at = Date.now();
    setTimeout(() => ids.forEach((id) => {
      const p = state.panels.get(id);
      if (p && !p.inFlight && (p.loadedAt || 0) < at) refresh(p);
    }), 3000);
  }

  // ---------- renderers ----------
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function get(obj, key) {
    return key.split('.').reduce((o, k) => (o == null ? o : o[k]), obj);
  }

  function badge(value) {
    return '<span class="badge ' + esc(value || 'none') + '">' + esc(zh(value || 'none')) + '</span>';
  }

  function cell(value, col, row) {
    switch (col.type) {
      case 'number': return fmtNum(value);
      case 'percent': return value == null ? '—' : Number(value).toFixed(0) + '%';
      case 'age': return value ? '<span title="' + esc(fmtTime(value)) + '">' + esc(fmtTime(value)) + '</span><br><small data-at="' + esc(value) + '">'
        + ageText(Date.now() - Date.parse(value)) + '</small>' : '<span class="muted">从未 never</span>';
      case 'state': return badge(value);
      case 'enum': return esc(zh(value));
      case 'date': return esc(value || '—');
      case 'time': return esc(fmtTime(value));
      case 'daysLeft': return value == null ? '' : value < 0 ? '<strong class="expired">已过期 expired ' + (-value) + ' 天 d</strong>'
        : value === 0 ? '<strong class="expired">今天到期 expires today</strong>' : value + ' 天 d';
      case 'deadline': {
        if (!value) return '—';
        const late = Date.parse(value) < Date.now();
        return '<span class="' + (late ? 'expired' : '') + '">' + esc(fmtTime(value)) + '</span>'
          + (late ? '<br><small>超期 overdue <span data-at="' + esc(value) + '">' + ageText(Date.now() - Date.parse(value)) + '</span></small>' : '');
      }
      case 'sources': return sourcesCell(row);
      case 'flag':
        return value === 'red' ? '<span class="flag-red">红旗 ▲</span>' : value === 'black' ? '<span class="flag-black">黑旗 ▼</span>' : '';
      case 'bool': return value ? '是 yes' : '';
      case 'channel': return esc(CHANNELS[value] || value || '—');
      case 'delivery': return '<span class="badge delivery-' + esc(value) + '">' + esc(DELIVERY[value] || value) + '</span>'
        + (row.answer ? '<small class="answer" title="' + esc(row.answer) + '">' + esc(row.answer) + '</small>' : '');
      default: return esc(value == null ? '' : value);
    }
  }

  function sourcesCell(row) {
    const sources = row.sources || [];
    if (!sources.length) return '<span class="muted">无富余 no surplus elsewhere</span>';
    return sources.map((s, i) => '<span class="source">' + esc(s.baseNameZh) + ' (+' + fmtNum(s.surplus) + ')'
      + (isDutyRoom() ? ' <button type="button" class="button small action order" data-source="' + i + '">调拨 Order</button>' : '')
      + '</span>').join('');
  }

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

  function emptyNote(text) {
    const p = document.createElement('p');
    p.className = 'unavailable';
    p.textContent = text || '无记录 Nothing to show';
    return p;
  }

  function table(data, def, rowsOverride) {
    let items = (rowsOverride || (def.items ? get(data, def.items) : data.items) || []).slice();
    if (def.sortBy) items.sort((a, b) => compareBy(a, b, def.sortBy));
    if (!items.length) return emptyNote(def.empty);
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const t = document.createElement('table');
    const numeric = (c) => ['number', 'percent'].includes(c.type);
    t.innerHTML = '<thead><tr>' + def.columns.map((c) => '<th' + (numeric(c) ? ' class="num"' : '') + '>' + esc(c.label) + '</th>').join('')
      + (def.rowActions ? '<th>操作 Actions</th>' : '') + '</tr></thead>';
    const tbody = document.createElement('tbody');
    for (const row of items) {
      const tr = document.createElement('tr');
      (def.rowClasses || []).forEach((rc) => {
        const v = get(row, rc.key);
        if ('equals' in rc ? v === rc.equals : v) tr.classList.add(rc.class);
      });
      if (def.rowId) tr.dataset.id = String(get(row, def.rowId));
      tr.innerHTML = def.columns.map((c) => '<td' + (numeric(c) ? ' class="num"' : '') + ' data-key="' + esc(c.key) + '">' + cell(get(row, c.key), c, row) + '</td>').join('');
      if (def.rowActions) {
        const td = document.createElement('td');
        td.className = 'actions';
        def.rowActions(row).forEach((b) => td.appendChild(b));
        tr.appendChild(td);
      }
      if (def.detail) {
        tr.classList.add('clickable');
        tr.tabIndex = 0;
        const open = () => showDetail(row[def.detail.title] || '', row, def.detail.kind);
        tr.addEventListener('click', (ev) => { if (!ev.target.closest('button')) open(); });
        tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
      }
      tr.querySelectorAll('button.order').forEach((b) => b.addEventListener('click', () => openTransfer(row, row.sources[Number(b.dataset.source)])));
      tbody.appendChild(tr);
    }
    t.appendChild(tbody);
    wrap.appendChild(t);
    return wrap;
  }

  /** The readiness ranking: one table per level (districts, streets), each with its own ranks. */
  function ranking(data, def) {
    const wrap = document.createElement('div');
    const units = data.units || [];
    for (const g of def.groups) {
      const rows = units.filter((u) => u.level === g.level);
      if (!rows.length) continue;
      rows.sort((a, b) => compareBy(a, b, ['rank', 'nameZh']));
      const h = document.createElement('h3');
      h.className = 'group';
      h.textContent = g.title;
      wrap.appendChild(h);
      const t = table(data, Object.assign({}, def, { sortBy: null, detail: null }), rows);
      t.dataset.level = g.level;
      t.querySelectorAll('tbody tr').forEach((tr) => {
        const unit = rows.find((u) => String(u.unitId) === tr.dataset.id);
        tr.classList.add('clickable');
        tr.tabIndex = 0;
        tr.title = '点击查看原因 Click to see why';
        tr.addEventListener('click', () => showWhy(unit, units));
        tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') showWhy(unit, units); });
      });
      wrap.appendChild(t);
    }
    if (!wrap.children.length) return emptyNote('无可排名单位 No ranked unit in your scope');
    return wrap;
  }

  function actionButton(label, onClick, extra) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button small action' + (extra ? ' ' + extra : '');
    b.textContent = label;
    b.disabled = !state.online;
    b.addEventListener('click', (ev) => { ev.stopPropagation(); onClick(); });
    return b;
  }

  function hazards(data, def) {
    const items = (data.items || []).map((h) => Object.assign({}, h, {
      escalatedOrder: h.escalated ? 0 : 1, overdueOrder: h.overdue ? 0 : 1
    }));
    const d = Object.assign({}, def, {
      detail: { title: 'description', kind: 'hazard' },
      rowActions: (h) => {
        const out = [];
        if (!isDutyRoom()) return out;
        if (['reported', 'assigned', 'rectifying'].includes(h.status)) out.push(actionButton('交办 Assign', () => openAssign(h), 'assign'));
        if (h.status === 'rectified' && h.reportedBy === user().id) {
          const note = document.createElement('small');
          note.className = 'muted';
          note.textContent = '上报人不能自行销号 The reporter cannot close it; another officer must';
          out.push(note);
        } else if (h.status === 'rectified') {
          out.push(actionButton('核查销号 Verify & close', () => openHazardAction(h, 'verify'), 'verify'));
          out.push(actionButton('退回 Reopen', () => openHazardAction(h, 'reopen'), 'reopen'));
        }
        return out;
      }
    });
    return table(data, d, items);
  }

  function transfers(data, def) {
    const items = data.items || [];
    if (!items.length) return emptyNote(def.empty);
    const ul = document.createElement('ul');
    ul.className = 'transfers';
    const overdueMs = (def.overdueHours || 24) * 3600 * 1000;
    for (const t of items) {
      const li = document.createElement('li');
      li.dataset.id = t.id;
      li.dataset.status = t.status;
      const since = t.status === 'dispatched' ? t.dispatchedAt : t.status === 'in_transit' ? t.departedAt : t.receivedAt;
      const overdue = t.status !== 'received' && Date.now() - Date.parse(t.dispatchedAt) > overdueMs;
      if (overdue) li.classList.add('overdue');
      const steps = [['dispatched', t.dispatchedAt], ['in_transit', t.departedAt], ['received', t.receivedAt]]
        .map(([st, at]) => '<span class="step' + (at ? ' done' : '') + '">' + esc(zh(st)) + (at ? ' ' + esc(fmtTime(at)) : '') + '</span>').join('<span class="arrow">→</span>');
      li.innerHTML = '<div class="what"><strong>' + esc(t.itemNameZh) + ' ' + fmtNum(t.quantity) + ' ' + esc(t.unitOfMeasure || '') + '</strong> '
        + esc(t.fromBaseNameZh) + ' → ' + esc(t.toBaseNameZh)
        + (overdue ? ' <span class="badge red">超时 overdue</span>' : '')
        + '<br><small class="steps">' + steps + '</small><br><small>' + esc(zh(t.status)) + ' · <span data-at="' + esc(since) + '">'
        + ageText(Date.now() - Date.parse(since)) + '</span>' + (t.orderedBy ? ' · 下达 by ' + esc(t.orderedBy) : '') + '</small></div>';
      if (isDutyRoom() || user().role === 'base_keeper') {
        if (t.status === 'dispatched') li.appendChild(actionButton('出库 Depart', () => transferStep(t, 'depart'), 'depart'));
        if (t.status === 'in_transit') li.appendChild(actionButton('接收 Receive', () => transferStep(t, 'receive'), 'receive'));
      }
      ul.appendChild(li);
    }
    return ul;
  }

  async function transferStep(t, step) {
    try {
      await api('/api/transfers/' + t.id + '/' + step, { json: {}, idempotent: 'transfer-' + t.id + '-' + step });
      afterWrite('transfers', 'coverage');
    } catch (e) {
      const panel = state.panels.get('transfers');
      if (!e.offline && panel) panel.el.querySelector('[data-role=body]').insertAdjacentHTML('afterbegin', '<p class="error">' + esc(e.message) + '</p>');
    }
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
      let lines = esc(zh(a.status)) + ' · ' + esc(fmtTime(a.raisedAt)) + ' (<span data-at="' + esc(a.raisedAt) + '">' + ageText(Date.now() - Date.parse(a.raisedAt)) + '</span>)';
      if (a.levelRaisedAt) lines += '<br><strong class="rose">升级为' + esc(zh(a.level)) + ' rose to ' + esc(a.level) + ' at ' + esc(fmtTime(a.levelRaisedAt)) + '，需重新确认 needs a new acknowledgement</strong>';
      if (a.acknowledgedAt) {
        lines += '<br><span class="ack-by">已确认 acknowledged by ' + esc(a.acknowledgedBy || '—') + ' · ' + esc(fmtTime(a.acknowledgedAt)) + '</span>'
          + (a.acknowledgementComment ? '<br><span class="ack-comment">“' + esc(a.acknowledgementComment) + '”</span>' : '');
      } else if (a.earlierAcknowledgement) {
        const e = a.earlierAcknowledgement;
        lines += '<br><span class="muted">此前（较低等级）已由 ' + esc(e.by || '—') + ' 于 ' + esc(fmtTime(e.at)) + ' 确认 Earlier acknowledged at a lower level'
          + (e.comment ? '：“' + esc(e.comment) + '”' : '') + '</span>';
      }
      li.innerHTML = badge(a.level) + '<span class="what"><strong>' + esc(a.checkpointNameZh || a.title || '') + '</strong> ' + esc(a.message || '')
        + '<br><small>' + lines + '</small></span>';
      if (a.canAcknowledge) {
        li.appendChild(actionButton('确认 Acknowledge', () => openAck(a, def), 'primary ack'));
      } else if (a.acknowledgedAt) {
        li.insertAdjacentHTML('beforeend', '<span class="acked" aria-label="已确认 acknowledged">✔</span>');
      }
      if (a.capWithdrawnAt) {
        li.insertAdjacentHTML('beforeend', '<small class="withdrawn">已撤回发布 Withdrawn ' + esc(fmtTime(a.capWithdrawnAt)) + '</small>');
      } else if (isDutyRoom()) {
        li.appendChild(actionButton('撤回发布 Withdraw', () => openWithdraw(a), 'withdraw'));
      }
      ul.appendChild(li);
    }
    wrap.appendChild(ul);
    return wrap;
  }

  function openAck(alert, def) {
    state.ackAlert = { alert, def };
    $('ack-what').textContent = (alert.checkpointNameZh || '') + ' — ' + (alert.message || zh(alert.level));
    $('ack-comment').value = '';
    $('ack-error').textContent = '';
    $('ack-dialog').showModal();
  }

  /** A message's link {@code /?ack=<token>#alert-<id>}: the recipient, logged in, acknowledges with a comment. */
  function openAckFromLink() {
    const ackToken = new URLSearchParams(location.search).get('ack');
    if (!ackToken) return;
    const id = (location.hash.match(/^#alert-(\d+)$/) || [])[1];
    state.ackAlert = { link: ackToken, alertId: id };
    $('ack-what').textContent = '通知中的预警 The alert of your message' + (id ? ' #' + id : '');
    $('ack-comment').value = '';
    $('ack-error').textContent = '';
    $('ack-dialog').showModal();
  }

  async function submitAckFromLink(comment) {
    try {
      const a = await api('/api/notifications/acknowledge', { json: { token: state.ackAlert.link, comment } });
      state.ackAlert = null;
      $('ack-dialog').close();
      history.replaceState(null, '', '/' + location.hash);
      const done = $('ack-done');
      done.textContent = '已确认预警 Alert acknowledged: ' + (a.checkpointNameZh || ('#' + a.id)) + ' — ' + zh(a.status);
      done.hidden = false;
      refreshPanels('alerts', 'checkpoints');
    } catch (e) {
      $('ack-error').textContent = e.offline ? '服务器无法连接 Server unreachable'
        : e.body && e.body.error === 'ack_link_expired' ? '链接已过期，请在预警列表中确认 The link has expired; acknowledge in the alert list'
        : e.status === 403 ? '此链接发给了其他人，请用收件人账号登录 This link was sent to someone else; log in as its recipient'
        : e.status === 409 ? '该预警已确认或已解除 The alert is already acknowledged or resolved'
        : e.message;
    }
  }

  async function submitAck(ev) {
    ev.preventDefault();
    if (state.ackAlert && state.ackAlert.link) {
      const comment = $('ack-comment').value.trim();
      if (!comment) { $('ack-error').textContent = '请填写说明 Please add a comment'; return; }
      await submitAckFromLink(comment);
      return;
    }
    const { alert, def } = state.ackAlert || {};
    if (!alert) return;
    const comment = $('ack-comment').value.trim();
    if (!comment) { $('ack-error').textContent = '请填写说明 Please add a comment'; return; }
    try {
      await api(def.acknowledgePath.replace('{id}', alert.id), { json: { comment }, idempotent: 'ack-' + alert.id + '-' + (alert.levelRaisedAt || alert.raisedAt) });
      $('ack-dialog').close();
      afterWrite(def.id);
    } catch (e) {
      $('ack-error').textContent = e.offline ? '服务器无法连接 Server unreachable' : e.message;
    }
  }

  /** Withdraws the alert's public CAP messages sent in error (a CAP Cancel), with the reason. */
  function openWithdraw(alert) {
    state.withdrawAlert = alert;
    state.withdrawKey = 'withdraw-' + alert.id + '-' + Date.now();
    $('withdraw-what').textContent = (alert.checkpointNameZh || '') + ' — ' + (alert.message || zh(alert.level));
    $('withdraw-reason').value = '';
    $('withdraw-error').textContent = '';
    $('withdraw-dialog').showModal();
  }

  async function submitWithdraw(ev) {
    ev.preventDefault();
    const alert = state.withdrawAlert;
    const reason = $('withdraw-reason').value.trim();
    if (!alert) return;
    if (!reason) { $('withdraw-error').textContent = '请填写撤回原因 A reason is required'; return; }
    try {
      await api('/api/alerts/' + alert.id + '/cap/withdraw', { json: { reason }, idempotent: state.withdrawKey });
      $('withdraw-dialog').close();
      afterWrite('alerts');
    } catch (e) {
      $('withdraw-error').textContent = e.offline ? '服务器无法连接 Server unreachable'
        : e.status === 409 ? '此预警的发布已撤回 This warning was already withdrawn'
        : e.message;
    }
  }

  // ---------- emergency response level ----------
  function responseLevel(data) {
    const level = data.level || data.value || 'none';
    state.responseLevel = level;
    const badgeEl = $('response-level');
    badgeEl.className = 'response-level lv-' + level + (isDutyRoom() ? ' settable' : '');
    badgeEl.dataset.level = level;
    badgeEl.textContent = level === 'none' ? '未启动应急响应 No emergency response' : '应急响应 ' + RESPONSE[level] ;
    badgeEl.title = '应急响应级别 Emergency response level' + (data.updatedAt ? ' · ' + fmtTime(data.updatedAt) + ' ' + (data.updatedBy || '') : '')
      + (isDutyRoom() ? ' — 点击调整 click to change' : '');
    const p = document.createElement('p');
    p.textContent = badgeEl.textContent;
    return p;
  }

  function openLevel() {
    if (!isDutyRoom() || !state.online) return;
    const sel = $('level-select');
    sel.innerHTML = Object.entries(RESPONSE).map(([k, v]) => '<option value="' + k + '"' + (k === state.responseLevel ? ' selected' : '') + '>' + esc(v) + '</option>').join('');
    $('level-reason').value = '';
    $('level-error').textContent = '';
    $('level-current').textContent = '当前 Now: ' + (RESPONSE[state.responseLevel] || '—');
    $('level-dialog').showModal();
  }

  async function submitLevel(ev) {
    ev.preventDefault();
    const level = $('level-select').value;
    const reason = $('level-reason').value.trim();
    if (!reason) { $('level-error').textContent = '请填写调整原因 A reason is required'; return; }
    if (level === state.responseLevel) { $('level-error').textContent = '级别未改变 The level is unchanged'; return; }
    try {
      const r = await api('/api/settings/response-level', { method: 'PUT', json: { level, reason } });
      $('level-dialog').close();
      const panel = state.panels.get('response-level');
      if (panel) { panel.data = r; responseLevel(r); }
      afterWrite('response-level', 'coverage', 'readiness');
    } catch (e) {
      $('level-error').textContent = e.offline ? '服务器无法连接 Server unreachable' : (e.body && e.body.fields ? Object.values(e.body.fields).join('; ') : e.message);
    }
  }

  // ---------- transfers from a shortfall's "get it from" ----------
  async function openTransfer(row, source) {
    state.transfer = { row, source };
    $('transfer-what').textContent = row.itemNameZh + '：' + source.baseNameZh + ' → ' + row.baseNameZh;
    $('transfer-quantity').value = String(source.suggested);
    $('transfer-tracked').checked = true;
    $('transfer-note').value = '补足缺口 Cover the shortfall at ' + row.baseNameZh;
    $('transfer-error').textContent = '';
    const sel = $('transfer-lot');
    sel.innerHTML = '<option value="">加载批次 Loading lots…</option>';
    $('transfer-dialog').showModal();
    try {
      const lots = await api('/api/lots?baseId=' + source.baseId + '&itemId=' + row.itemId + '&usable=true&size=100');
      const usable = (lots.items || []).filter((l) => l.usable !== false && Number(l.usableQuantity ?? l.quantity) > 0);
      // First expiring first (FEFO); lots without a shelf life last.
      usable.sort((a, b) => compareBy(a, b, ['expiresOn', 'id']));
      sel.innerHTML = usable.map((l) => '<option value="' + l.id + '">' + esc(l.lotCode || ('#' + l.id)) + ' · ' + fmtNum(l.usableQuantity ?? l.quantity)
        + ' ' + esc(l.unitOfMeasure || '') + (l.expiresOn ? ' · 到期 expires ' + esc(l.expiresOn) : '') + '</option>').join('')
        || '<option value="">无可用批次 No usable lot</option>';
    } catch (e) {
      $('transfer-error').textContent = e.message;
    }
  }

  async function submitTransfer(ev) {
    ev.preventDefault();
    const { row } = state.transfer || {};
    if (!row) return;
    const lot = Number($('transfer-lot').value);
    const quantity = Number($('transfer-quantity').value);
    if (!lot) { $('transfer-error').textContent = '请选择批次 Choose a lot'; return; }
    if (!(quantity > 0)) { $('transfer-error').textContent = '数量须大于 0 Quantity must be above 0'; return; }
    state.transferKey = state.transferKey || ('transfer-' + Date.now() + '-' + Math.random().toString(16).slice(2));
    try {
      await api(state.definition.panels.find((p) => p.id === 'coverage').orderPath || '/api/transfers', {
        json: { fromLotId: lot, toBaseId: row.baseId, quantity, tracked: $('transfer-tracked').checked, note: $('transfer-note').value.trim() || null },
        idempotent: state.transferKey
      });
      state.transferKey = null;
      $('transfer-dialog').close();
      afterWrite('transfers', 'coverage');
    } catch (e) {
      $('transfer-error').textContent = e.offline ? '服务器无法连接 Server unreachable'
        : (e.body && e.body.fields ? Object.entries(e.body.fields).map(([k, v]) => k + ': ' + v).join('; ') : e.message);
    }
  }

  // ---------- hazards: assign, verify and close, reopen ----------
  async function openAssign(h) {
    state.hazard = h;
    $('assign-what').textContent = h.description + ' — ' + (h.reachNameZh || '');
    $('assign-error').textContent = '';
    const sel = $('assign-unit');
    const units = (state.panels.get('readiness') && state.panels.get('readiness').data && state.panels.get('readiness').data.units) || [];
    sel.innerHTML = units.filter((u) => ['district', 'street', 'community'].includes(u.level))
      .map((u) => '<option value="' + u.unitId + '"' + (u.unitId === (h.assignedUnitId || h.unitId) ? ' selected' : '') + '>' + esc(u.nameZh) + ' · ' + esc(zh(u.level)) + '</option>').join('');
    const inAWeek = new Date(Date.now() + 7 * 86400000);
    $('assign-deadline').value = fmtTime(inAWeek.toISOString()).replace(' ', 'T');
    $('assign-comment').value = '';
    $('assign-dialog').showModal();
  }

  /** A datetime-local value is a wall-clock time in the district's zone: give it the zone's offset. */
  function zonedIso(local) {
    const guess = new Date(local + ':00Z');
    const shown = new Date(fmtTime(guess.toISOString()).replace(' ', 'T') + ':00Z');
    const offsetMin = Math.round((shown - guess) / 60000);
    const sign = offsetMin >= 0 ? '+' : '-';
    const abs = Math.abs(offsetMin);
    return local + ':00' + sign + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
  }

  async function submitAssign(ev) {
    ev.preventDefault();
    const h = state.hazard;
    try {
      await api('/api/hazards/' + h.id + '/assign', { json: { unitId: Number($('assign-unit').value), deadline: zonedIso($('assign-deadline').value),
        comment: $('assign-comment').value.trim() || null }, idempotent: 'assign-' + h.id + '-' + h.updatedAt });
      $('assign-dialog').close();
      afterWrite('hazards', 'compliance');
    } catch (e) {
      $('assign-error').textContent = e.offline ? '服务器无法连接 Server unreachable'
        : (e.body && e.body.fields ? Object.entries(e.body.fields).map(([k, v]) => k + ': ' + v).join('; ') : e.message);
    }
  }

  async function openHazardAction(h, action) {
    state.hazard = h;
    state.hazardAction = action;
    $('hazard-title').textContent = action === 'verify' ? '核查销号 Verify and close' : '退回重新整改 Reopen';
    $('hazard-what').textContent = h.description + ' — ' + (h.rectificationNote ? '整改说明 Rectification: ' + h.rectificationNote : '');
    $('hazard-reason-label').firstChild.textContent = action === 'verify' ? '核查意见 Comment ' : '退回原因（必填） Reason (required) ';
    $('hazard-reason').value = '';
    $('hazard-error').textContent = '';
    $('hazard-submit').textContent = action === 'verify' ? '销号 Close' : '退回 Reopen';
    $('hazard-dialog').showModal();
    loadPhotos(h.id, $('hazard-photos'));
  }

  /**
   * Every photo of a hazard (report and evidence), each opening full size. Same-origin URLs with the token
   * as access_token, like the charts, so a Content-Security-Policy of 'self' lets them load.
   */
  async function loadPhotos(hazardId, container) {
    container.innerHTML = '';
    try {
      const full = await api('/api/hazards/' + hazardId);
      for (const ph of full.photos || []) {
        const url = esc((ph.url || ('/api/hazards/' + hazardId + '/photos/' + ph.id)) + '?access_token=' + encodeURIComponent(token()));
        const fig = document.createElement('figure');
        fig.innerHTML = '<a href="' + url + '" target="_blank" rel="noopener"><img alt="" src="' + url + '"></a><figcaption>' + esc(zh(ph.kind)) + ' · ' + esc(fmtTime(ph.uploadedAt)) + ' · 点击看原图 full size</figcaption>';
        fig.querySelector('img').alt = zh(ph.kind);
        container.appendChild(fig);
      }
      if (!container.children.length) container.innerHTML = '<p class="muted">无照片 No photos</p>';
    } catch (e) {
      container.innerHTML = '<p class="error">' + esc(e.message) + '</p>';
    }
  }

  async function submitHazardAction(ev) {
    ev.preventDefault();
    const h = state.hazard;
    const action = state.hazardAction;
    const text = $('hazard-reason').value.trim();
    if (action === 'reopen' && !text) { $('hazard-error').textContent = '请填写退回原因 A reason is required'; return; }
    try {
      await api('/api/hazards/' + h.id + '/' + action, { json: action === 'reopen' ? { reason: text } : { comment: text || null },
        idempotent: action + '-' + h.id + '-' + h.updatedAt });
      $('hazard-dialog').close();
      afterWrite('hazards', 'compliance');
    } catch (e) {
      $('hazard-error').textContent = e.offline ? '服务器无法连接 Server unreachable' : e.message;
    }
  }

  // ---------- see why: a unit's readiness components and the lines behind them ----------
  async function showWhy(unit, units) {
    const ids = new Set([unit.unitId]);
    let grew = true;
    while (grew) {
      grew = false;
      units.forEach((u) => { if (u.parentId != null && ids.has(u.parentId) && !ids.has(u.unitId)) { ids.add(u.unitId); grew = true; } });
    }
    const m = {};
    Object.entries(unit.metrics || {}).forEach(([k, v]) => { m[k] = v && v.value; });
    const pct = (x) => (x == null ? '—' : Math.round(x * 1000) / 10 + '%');
    const openHaz = m.openHazards || 0;
    const parts = [
      ['stock', '物资满足指数 Stock index', pct(m.stockIndex), (m.shortItems || 0) + ' 项缺口 items short'],
      ['equipment', '机具完好 Equipment', pct(m.equipmentRatio), Object.entries(m.equipment || {}).map(([k, v]) => ({ pumps: '水泵 pumps', generators: '发电机 generators', boats: '舟艇 boats' }[k] || k) + ' ' + fmtNum(v.usable) + '/' + fmtNum(v.required)).join('，')],
      ['patrol', '巡河达标 Patrol compliance', pct(m.patrolCompliance), (m.reachesCompliant || 0) + '/' + (m.reaches || 0) + ' 河段达标 reaches compliant'],
      ['hazards', '隐患按期 Hazards on time', openHaz ? pct(1 - (m.overdueHazards || 0) / openHaz) : '—', (m.overdueHazards || 0) + '/' + openHaz + ' 超期 overdue'],
      ['monitoring', '监测在线 Monitoring', m.checkpoints ? pct(1 - (m.silentCheckpoints || 0) / m.checkpoints) : '—', (m.silentCheckpoints || 0) + '/' + (m.checkpoints || 0) + ' 失联 silent']
    ];
    $('detail-title').textContent = unit.nameZh + ' · ' + zh(unit.level) + ' · 评分 score ' + fmtNum(unit.score) + (unit.rank ? ' · 第 ' + unit.rank + ' 名 rank' : '');
    const body = $('detail-body');
    body.className = 'why';
    body.innerHTML = parts.map(([key, label, value, note]) => '<section class="component" data-component="' + key + '"><h3>' + esc(label)
      + ' <span class="value">' + esc(value) + '</span></h3><p class="muted">' + esc(note) + '</p><ul data-role="lines"><li class="muted">加载中 Loading…</li></ul></section>').join('');
    $('detail-chart').hidden = true;
    $('detail').hidden = false;
    const fill = (key, lines, panelId, emptyText) => {
      const ul = body.querySelector('[data-component=' + key + '] [data-role=lines]');
      ul.innerHTML = lines.length ? lines.map((l) => '<li>' + l + '</li>').join('') : '<li class="muted">' + esc(emptyText) + '</li>';
      if (panelId && state.panels.has(panelId)) ul.insertAdjacentHTML('beforeend', '<li><a href="#panel-' + panelId + '" class="to-list">→ 查看清单 Go to the list</a></li>');
    };
    const safe = (p) => p.catch((e) => { if (e.status === 403) return null; throw e; });
    const [coverage, reaches, hazardList, checkpoints] = await Promise.all([
      safe(api('/api/dashboard/panels/coverage')).catch(() => null),
      safe(api('/api/compliance/reaches?compliant=false&size=500')).catch(() => null),
      safe(api('/api/hazards?overdue=true&size=500')).catch(() => null),
      safe(api('/api/dashboard/panels/checkpoints')).catch(() => null)
    ]);
    const inUnit = (x) => ids.has(x.unitId) || ids.has(x.assignedUnitId);
    fill('stock', coverage ? coverage.items.filter(inUnit).map((r) => esc(r.baseNameZh) + '：' + esc(r.itemNameZh) + ' ' + fmtNum(r.usable) + '/' + fmtNum(r.required) + ' (' + Math.floor(r.coveragePct) + '%)') : [], 'coverage', '无缺口 No short item');
    fill('equipment', coverage ? coverage.items.filter((r) => inUnit(r) && r.category === 'equipment').map((r) => esc(r.baseNameZh) + '：' + esc(r.itemNameZh) + ' ' + fmtNum(r.usable) + '/' + fmtNum(r.required)) : [], 'tests-overdue', '机具无缺口 No equipment short');
    fill('patrol', reaches ? (reaches.items || []).filter(inUnit).map((r) => esc(r.nameZh) + '：' + esc(r.chiefName || '') + ' ' + r.counted + '/' + r.required + ' 次 patrols' + (r.overdue ? ' · 超期 overdue' : '')) : [], 'compliance', '所有河段达标 Every reach compliant');
    fill('hazards', hazardList ? (hazardList.items || []).filter(inUnit).map((h) => esc(h.description) + ' · ' + esc(h.reachNameZh || '') + ' · 期限 deadline ' + esc(fmtTime(h.effectiveDeadline))) : [], 'hazards', '无超期隐患 No overdue hazard');
    fill('monitoring', checkpoints ? (checkpoints.items || []).filter((c) => inUnit(c) && (c.state === 'silent' || c.state === 'unknown')).map((c) => esc(c.nameZh) + ' · ' + esc(zh(c.state)) + ' · ' + (c.lastReadingAt ? esc(fmtTime(c.lastReadingAt)) : '从无读数 no reading ever')) : [], 'checkpoints', '无失联监测点 No silent checkpoint');
  }

  // ---------- site map: zoom and pan, labels that do not collide ----------
  // The map asks by its view (a province has 75,000 sites): the server answers the sites inside the view box, or
  // counts per grid cell when too many; the frame (extent) and the view stay across refreshes.
  const MAP_VIEWS = new Map();
  const MAX_K = 400;
  function mapQuery(def) {
    const m = MAP_VIEWS.get(def.id);
    return m && m.query ? m.query : '';
  }
  function map(data, def) {
    const wrap = document.createElement('div');
    const pts = [];
    (data.bases || []).forEach((b) => pts.push([b.lon, b.lat]));
    (data.checkpoints || []).forEach((c) => pts.push([c.lon, c.lat]));
    (data.reaches || []).forEach((r) => (r.coordinates || []).forEach((c) => pts.push(c)));
    (data.incidents || []).forEach((i) => pts.push([i.lon, i.lat]));
    const cells = data.cells || {};
    ['bases', 'checkpoints', 'reaches'].forEach((k) => (cells[k] || []).forEach((c) => pts.push([c.lon, c.lat])));
    const mv = MAP_VIEWS.get(def.id) || { view: { k: 1, tx: 0, ty: 0 } };
    MAP_VIEWS.set(def.id, mv);
    if (data.extent) mv.extent = data.extent;
    if (mv.extent) { pts.push([mv.extent[0], mv.extent[1]], [mv.extent[2], mv.extent[3]]); }
    if (!pts.length) { wrap.innerHTML = '<p class="unavailable">暂无站点 No sites yet</p>'; return wrap; }
    const W = 1000, H = 560, pad = 40;
    const frame = mv.extent ? [[mv.extent[0], mv.extent[1]], [mv.extent[2], mv.extent[3]]] : pts;
    const minX = Math.min(...frame.map((p) => p[0])), maxX = Math.max(...frame.map((p) => p[0]));
    const minY = Math.min(...frame.map((p) => p[1])), maxY = Math.max(...frame.map((p) => p[1]));
    const kx = Math.cos(((minY + maxY) / 2) * Math.PI / 180);   // equirectangular, true shape at this latitude
    const spanX = Math.max((maxX - minX) * kx, 1e-4), spanY = Math.max(maxY - minY, 1e-4);
    const scale = Math.min((W - 2 * pad) / spanX, (H - 2 * pad) / spanY);
    const x = (lon) => pad + (lon - minX) * kx * scale;
    const y = (lat) => H - pad - (lat - minY) * scale;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', def.title);
    const g = document.createElementNS(ns, 'g');
    svg.appendChild(g);
    const colour = { none: '#43a047', normal: '#43a047', ok: '#43a047', blue: '#42a5f5', yellow: '#fdd835', orange: '#fb8c00', red: '#e53935', short: '#e53935', overdue: '#e53935', silent: '#ab47bc', unknown: '#9e9e9e' };
    const labels = [];
    // markers keep about their size on screen when zoomed far in (a province's view can be 100× the frame)
    const shrink = Math.min(1, 1.5 / mv.view.k), sz = (n) => n * shrink;
    const add = (tag, attrs, feature, kind) => {
      const el = document.createElementNS(ns, tag);
      Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
      if (feature) {
        el.dataset.kind = kind;
        el.dataset.id = feature.id;
        const title = document.createElementNS(ns, 'title');
        title.textContent = feature.nameZh;
        el.appendChild(title);
        el.addEventListener('click', () => { if (!state.dragged) showDetail(feature.nameZh, feature, kind); });
      }
      g.appendChild(el);
      return el;
    };
    const label = (text, lx, ly, priority, kind) => labels.push({ text, x: lx, y: ly, priority, kind });
    (data.reaches || []).forEach((r) => {
      const coords = r.coordinates || [];
      add('polyline', { points: coords.map((c) => x(c[0]) + ',' + y(c[1])).join(' '), fill: 'none', stroke: colour[r.state] || '#42a5f5', 'stroke-width': sz(5), 'stroke-linecap': 'round' }, r, 'reach');
      if (coords.length) { const mid = coords[Math.floor(coords.length / 2)]; label(r.nameZh, x(mid[0]) + sz(6), y(mid[1]) - sz(8), 1, 'reach'); }
    });
    (data.bases || []).forEach((b) => {
      add('rect', { x: x(b.lon) - sz(8), y: y(b.lat) - sz(8), width: sz(16), height: sz(16), fill: colour[b.state] || '#43a047', stroke: '#fff', 'stroke-width': sz(1.5) }, b, 'base');
      label(b.nameZh, x(b.lon) + sz(11), y(b.lat) + sz(4), b.state === 'short' ? 2 : 1, 'base');
    });
    (data.checkpoints || []).forEach((c) => {
      const st = c.state || (c.silent ? 'silent' : (c.level || 'none'));
      const dashed = st === 'silent' || st === 'unknown';
      add('circle', { cx: x(c.lon), cy: y(c.lat), r: sz(dashed ? 10 : 8), fill: colour[st] || '#43a047', stroke: dashed ? '#fff' : '#0b131b', 'stroke-width': sz(dashed ? 3 : 1.5), 'stroke-dasharray': dashed ? sz(3) + ' ' + sz(2) : '' }, c, 'checkpoint');
      label(c.nameZh, x(c.lon) + sz(11), y(c.lat) + sz(4), st === 'none' ? 1 : 3, 'checkpoint');
    });
    // grid cells (too many sites in the view): a disc with the count, coloured by the worst state in it;
    // a click zooms into the cell
    const cellLabel = { bases: '物资基地 bases', checkpoints: '监测点 checkpoints', reaches: '河段 reaches' };
    ['reaches', 'bases', 'checkpoints'].forEach((kind) => (cells[kind] || []).forEach((c, i) => {
      const r = (10 + 4 * Math.log10(c.count)) * shrink;
      const cx = x(c.lon) + (kind === 'bases' ? -r : kind === 'checkpoints' ? r : 0), cy = y(c.lat);
      const el = add('circle', { cx, cy, r, fill: colour[c.state] || '#43a047', 'fill-opacity': 0.85, stroke: '#0b131b', 'stroke-width': 1.5 * shrink,
        class: 'cell ' + kind }, null);
      el.dataset.kind = 'cell';
      el.dataset.layer = kind;
      el.dataset.count = c.count;
      const title = document.createElementNS(ns, 'title');
      title.textContent = c.count + ' ' + cellLabel[kind] + ' · ' + zh(c.state);
      el.appendChild(title);
      el.addEventListener('click', () => { if (!state.dragged) zoomToBox(c.bbox); });
      const t = add('text', { x: cx, y: cy + 4 * shrink, 'text-anchor': 'middle', class: 'cell-count' }, null);
      t.style.fontSize = sz(11) + 'px';
      t.style.strokeWidth = sz(0.6) + 'px';
      t.textContent = c.count > 999 ? Math.round(c.count / 1000) + 'k' : String(c.count);
    }));
    // open incidents (险情): a triangle coloured by severity, drawn over the sites
    const incidentColour = { critical: '#ab47bc', high: '#e53935', medium: '#fb8c00', low: '#fdd835' };
    (data.incidents || []).forEach((i) => {
      const cx = x(i.lon), cy = y(i.lat);
      add('polygon', { points: cx + ',' + (cy - sz(12)) + ' ' + (cx - sz(11)) + ',' + (cy + sz(8)) + ' ' + (cx + sz(11)) + ',' + (cy + sz(8)),
        fill: incidentColour[i.severity] || '#e53935', stroke: '#fff', 'stroke-width': sz(2) }, i, 'incident');
      label(i.nameZh, cx + sz(13), cy + sz(4), 4, 'incident');
    });
    const labelLayer = document.createElementNS(ns, 'g');
    labelLayer.setAttribute('class', 'labels');
    g.appendChild(labelLayer);
    labels.forEach((l) => {
      const t = document.createElementNS(ns, 'text');
      t.setAttribute('x', l.x);
      t.setAttribute('y', l.y);
      t.setAttribute('class', 'label ' + l.kind);
      t.textContent = l.text;
      l.el = t;
      labelLayer.appendChild(t);
    });
    let view = mv.view;
    // the view's box in degrees and a web-map zoom for it (cells of about 32 px), asked for after a zoom or pan
    const askForView = () => {
      const lonAt = (sx) => minX + (sx - pad) / (kx * scale), latAt = (sy) => minY + (H - pad - sy) / scale;
      const x0 = (0 - view.tx) / view.k, x1 = (W - view.tx) / view.k, y0 = (0 - view.ty) / view.k, y1 = (H - view.ty) / view.k;
      const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
      const box = [clamp(lonAt(x0), -180, 180), clamp(latAt(y1), -90, 90), clamp(lonAt(x1), -180, 180), clamp(latAt(y0), -90, 90)];
      if (!(box[0] < box[2] && box[1] < box[3])) return;
      const zoom = clamp(Math.floor(Math.log2(360 * (W / 256) / (box[2] - box[0]))), 0, 22);
      const query = '?bbox=' + box.map((v) => v.toFixed(5)).join(',') + '&zoom=' + zoom;
      if (query === mv.query) return;
      mv.query = query;
      const panel = state.panels.get(def.id);
      if (panel) refresh(panel);
    };
    const viewChanged = () => { mv.view = view; clearTimeout(mv.timer); mv.timer = setTimeout(askForView, 400); };
    const apply = () => {
      g.setAttribute('transform', 'translate(' + view.tx + ' ' + view.ty + ') scale(' + view.k + ')');
      // Labels keep their size on screen; the ones that collide with a more important one are hidden.
      const placed = [];
      labels.slice().sort((a, b) => b.priority - a.priority).forEach((l) => {
        // as style: the stylesheet's .map text size would win over an attribute
        l.el.style.fontSize = (12 / view.k) + 'px';
        l.el.style.strokeWidth = (3 / view.k) + 'px';
        const w = l.text.length * 12, h = 14;
        const sx = l.x * view.k + view.tx, sy = l.y * view.k + view.ty;
        const box = { x0: sx, y0: sy - h, x1: sx + w, y1: sy };
        const hit = placed.some((p) => box.x0 < p.x1 && box.x1 > p.x0 && box.y0 < p.y1 && box.y1 > p.y0);
        l.el.style.display = hit ? 'none' : '';
        if (!hit) placed.push(box);
      });
    };
    const zoomAt = (factor, cx, cy) => {
      const k = Math.max(1, Math.min(MAX_K, view.k * factor));
      view.tx = cx - (cx - view.tx) * (k / view.k);
      view.ty = cy - (cy - view.ty) * (k / view.k);
      view.k = k;
      if (k === 1) { view.tx = 0; view.ty = 0; }
      apply();
      viewChanged();
    };
    const zoomToBox = (b) => {
      const cx = (x(b[0]) + x(b[2])) / 2, cy = (y(b[1]) + y(b[3])) / 2;
      const k = Math.max(1, Math.min(MAX_K, Math.min(W / Math.max(1, x(b[2]) - x(b[0])), H / Math.max(1, y(b[1]) - y(b[3]))) * 0.8));
      view.k = k;
      view.tx = W / 2 - cx * k;
      view.ty = H / 2 - cy * k;
      apply();
      viewChanged();
    };
    const toSvg = (ev) => { const r = svg.getBoundingClientRect(); return [(ev.clientX - r.left) * W / r.width, (ev.clientY - r.top) * H / r.height]; };
    svg.addEventListener('wheel', (ev) => { ev.preventDefault(); const [cx, cy] = toSvg(ev); zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, cx, cy); }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', (ev) => { drag = { p: toSvg(ev), tx: view.tx, ty: view.ty }; state.dragged = false; });
    svg.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const [px, py] = toSvg(ev);
      if (Math.abs(px - drag.p[0]) + Math.abs(py - drag.p[1]) > 4) state.dragged = true;
      if (state.dragged) { view.tx = drag.tx + px - drag.p[0]; view.ty = drag.ty + py - drag.p[1]; apply(); }
    });
    const end = () => { if (drag && state.dragged) viewChanged(); drag = null; setTimeout(() => { state.dragged = false; }, 0); };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointerleave', end);
    const controls = document.createElement('div');
    controls.className = 'map-controls';
    [['+', '放大 Zoom in', () => zoomAt(1.5, W / 2, H / 2)], ['−', '缩小 Zoom out', () => zoomAt(1 / 1.5, W / 2, H / 2)], ['⟲', '复位 Reset', () => { view = { k: 1, tx: 0, ty: 0 }; apply(); viewChanged(); }]]
      .forEach(([text, title, fn]) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'button small zoom';
        b.textContent = text;
        b.title = title;
        b.setAttribute('aria-label', title);
        b.addEventListener('click', fn);
        controls.appendChild(b);
      });
    wrap.appendChild(controls);
    wrap.appendChild(svg);
    wrap.insertAdjacentHTML('beforeend', '<div class="legend">'
      + '<span><i class="sw sq ok"></i>物资基地 base</span><span><i class="sw sq short"></i>基地短缺 base short</span>'
      + '<span><i class="sw dot ok"></i>监测点正常 checkpoint normal</span><span><i class="sw dot blue"></i>蓝 blue</span><span><i class="sw dot yellow"></i>黄 yellow</span>'
      + '<span><i class="sw dot orange"></i>橙 orange</span><span><i class="sw dot red"></i>红 red</span><span><i class="sw dot silent"></i>失联 silent</span><span><i class="sw dot unknown"></i>未知 never reported</span>'
      + '<span><i class="sw tri"></i>险情 incident</span>'
      + '<span><i class="sw line ok"></i>河段达标 reach compliant</span><span><i class="sw line yellow"></i>河段未达标 not compliant</span><span><i class="sw line overdue"></i>河段超期 reach overdue</span>'
      + '<span><i class="sw dot ok"></i>圆内数字：此格站点数，点击放大 number: sites in the cell, click to zoom in</span>'
      + '<span class="muted">滚轮/按钮缩放，拖动平移 Wheel or buttons to zoom, drag to pan</span></div>');
    requestAnimationFrame(apply);
    // a province's first answer (no view yet) is the whole world in coarse cells: ask again for the frame
    const layers = Object.values(data.layers || {});
    if (!mv.query && data.extent && layers.some((l) => l.mode === 'cells')) setTimeout(askForView, 0);
    return wrap;
  }

  // ---------- detail pop-ups in words ----------
  const DETAIL_FIELDS = {
    checkpoint: [['kindZh', '类型 Kind'], ['pointKind', '积水点类型 Point kind', 'enum'], ['state', '状态 State', 'enum'], ['lastValue', '最新读数 Last reading', 'number'],
      ['lastReadingAt', '读数时间 Read at', 'time'], ['activeAlerts', '未解除预警 Open alerts', 'number'], ['code', '编号 Code']],
    base: [['state', '状态 State', 'enum'], ['shortItems', '缺口品种 Items short', 'number'], ['nameEn', '英文名 English name'], ['code', '编号 Code']],
    reach: [['state', '巡河状态 Patrol state', 'enum'], ['chief', '河长 River chief'], ['patrolsThisPeriod', '本期巡河 Patrols this period', 'number'],
      ['required', '应巡次数 Patrols required', 'number'], ['code', '编号 Code']],
    incident: [['kindText', '类型 Kind'], ['severityZh', '等级 Severity'], ['statusZh', '状态 Status'], ['unitNameZh', '属地 Unit'], ['reachNameZh', '河段 Reach'], ['reporterName', '上报人 Reported by'],
      ['reportedAt', '上报时间 Reported at', 'time'], ['teamsDeployed', '在场队伍 Teams there', 'number'], ['description', '情况 Description']],
    hazard: [['reachNameZh', '河段 Reach'], ['unitNameZh', '属地 Unit'], ['type', '类型 Type', 'enum'], ['severity', '等级 Severity', 'enum'], ['status', '状态 Status', 'enum'],
      ['reporterName', '上报人 Reported by'], ['reportedAt', '上报时间 Reported at', 'time'], ['assignedUnitNameZh', '交办单位 Assigned to'],
      ['effectiveDeadline', '整改期限 Deadline', 'time'], ['escalated', '挂牌督办 Escalated', 'enum'], ['rectificationNote', '整改说明 Rectification']]
  };

  function showDetail(title, obj, kind) {
    $('detail-title').textContent = title || '';
    const dl = $('detail-body');
    dl.className = '';
    dl.innerHTML = '';
    const value = (v, type) => (type === 'time' ? fmtTime(v) : type === 'number' ? fmtNum(v) : type === 'enum' ? zh(String(v)) : String(v));
    (DETAIL_FIELDS[kind] || []).forEach(([k, label, type]) => {
      const v = obj[k];
      if (v === null || v === undefined || v === '') return;
      dl.insertAdjacentHTML('beforeend', '<dt>' + esc(label) + '</dt><dd>' + esc(value(v, type)) + '</dd>');
    });
    if (kind === 'checkpoint' && !obj.lastReadingAt) dl.insertAdjacentHTML('beforeend', '<dt>读数 Readings</dt><dd>从未上报 Never reported</dd>');
    if (kind === 'hazard') {
      dl.insertAdjacentHTML('beforeend', '<dt>照片 Photos</dt><dd class="photos" data-role="photos"></dd>');
      loadPhotos(obj.id, dl.querySelector('[data-role=photos]'));
    }
    const chart = $('detail-chart');
    if (obj.chart) {
      const w = Math.round(chart.parentElement.clientWidth * (window.devicePixelRatio || 1)) || 800;
      const width = Math.max(200, Math.min(2000, w)), height = Math.max(150, Math.round(Math.min(1200, w * 0.5)));
      chart.width = width;
      chart.height = height;
      chart.src = obj.chart + '?width=' + width + '&height=' + height + '&access_token=' + encodeURIComponent(token());
      chart.hidden = false;
    } else {
      chart.hidden = true;
      chart.removeAttribute('src');
    }
    $('detail').hidden = false;
  }

  /** The delivery log: the last messages sent, and the whole log as CSV. */
  function deliveries(data, def) {
    const wrap = document.createElement('div');
    wrap.className = 'deliveries';
    const csv = document.createElement('a');
    csv.className = 'csv button';
    csv.id = 'deliveries-csv';
    csv.textContent = '导出全部 CSV Download all (CSV)';
    csv.href = '/api/notifications?format=csv&access_token=' + encodeURIComponent(token());
    csv.setAttribute('download', 'notifications.csv');
    wrap.appendChild(csv);
    wrap.appendChild(table(data, def));
    return wrap;
  }

  /** Equipment still out at closed incidents; keepers (and admins) book a return from the row. */
  function returns(data, def) {
    const mayReturn = ['admin', 'base_keeper'].includes(user().role);
    const d = Object.assign({}, def, {
      rowActions: (row) => {
        if (!mayReturn) return [];
        const form = document.createElement('span');
        form.className = 'return-form';
        const qty = document.createElement('input');
        qty.type = 'number';
        qty.min = '1';
        qty.max = String(row.out);
        qty.value = String(row.out);
        qty.setAttribute('aria-label', '数量 Quantity');
        const cond = document.createElement('select');
        cond.setAttribute('aria-label', '状况 Condition');
        cond.innerHTML = '<option value="good">完好 Good</option><option value="needs_repair">待修 Needs repair</option>'
          + '<option value="lost">丢失 Lost</option>';
        // one key per shown row and answer: a retry of the same return books it once
        const shown = row.key + '-' + Date.now() + '-' + Math.random().toString(36).slice(2);
        form.append(qty, cond, actionButton('归还 Return', () => bookReturn(row, Number(qty.value), cond.value,
          'return-' + shown + '-' + qty.value + '-' + cond.value), 'return'));
        return [form];
      }
    });
    return table(data, d);
  }

  async function bookReturn(row, quantity, condition, key) {
    try {
      await api('/api/incidents/' + row.incidentId + '/returns', { json: { lotId: row.lotId, quantity, condition }, idempotent: key });
      afterWrite('returns-out', 'coverage');
    } catch (e) {
      const panel = state.panels.get('returns-out');
      if (!e.offline && panel) panel.el.querySelector('[data-role=body]').insertAdjacentHTML('afterbegin', '<p class="error">' + esc(e.message) + '</p>');
    }
  }

  const RENDERERS = { table, alerts, map, responseLevel, ranking, hazards, transfers, deliveries, returns };
  // The one hook for panels written in their own file (board-requests.js, board-incidents.js): the board's
  // helpers, and register(name, renderer) for the panel's renderer.
  window.FloodBoard = { api, esc, zh, fmtTime, fmtNum, table, actionButton, afterWrite, emptyNote, isDutyRoom, user,
    register: (name, renderer) => { RENDERERS[name] = renderer; } };

  // ---------- start ----------
  state.online = true;
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', () => logout());
  $('ack-form').addEventListener('submit', submitAck);
  $('ack-cancel').addEventListener('click', () => $('ack-dialog').close());
  $('response-level').addEventListener('click', openLevel);
  $('withdraw-form').addEventListener('submit', submitWithdraw);
  $('withdraw-cancel').addEventListener('click', () => $('withdraw-dialog').close());
  $('level-form').addEventListener('submit', submitLevel);
  $('level-cancel').addEventListener('click', () => $('level-dialog').close());
  $('transfer-form').addEventListener('submit', submitTransfer);
  $('transfer-cancel').addEventListener('click', () => { state.transferKey = null; $('transfer-dialog').close(); });
  $('assign-form').addEventListener('submit', submitAssign);
  $('assign-cancel').addEventListener('click', () => $('assign-dialog').close());
  $('hazard-form').addEventListener('submit', submitHazardAction);
  $('hazard-cancel').addEventListener('click', () => $('hazard-dialog').close());
  $('detail-close').addEventListener('click', () => { $('detail').hidden = true; });
  $('detail').addEventListener('click', (ev) => {
    const a = ev.target.closest('a.to-list');
    if (a) { ev.preventDefault(); $('detail').hidden = true; const t = document.querySelector(a.getAttribute('href')); if (t) t.scrollIntoView({ behavior: 'smooth' }); }
  });
  tick();
  setInterval(tick, 1000);
  if (token()) {
    startBoard().catch(() => logout());
  } else {
    $('login').hidden = false;
  }
})();
