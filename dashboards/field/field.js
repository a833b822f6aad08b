/* FloodReady field app: login, the role's home, hash routes, the outbox page, start-up. */
(function () {
  'use strict';
  const FR = window.FR;
  const $ = FR.$;
  const esc = FR.esc;
  FR.views = FR.views || {};

  // Who gets which home and tabs. Duty room and admins may open every part; nothing is asked of the
  // server that the role would be refused.
  const ROLES = {
    base_keeper: { home: 'bases', tabs: ['bases', 'outbox'] },
    river_chief: { home: 'reaches', tabs: ['reaches', 'hazards', 'incidents', 'rounds', 'outbox'] },
    inspector: { home: 'checkpoints', tabs: ['checkpoints', 'incidents', 'rounds', 'outbox'] },
    duty_officer: { home: 'choose', tabs: ['bases', 'reaches', 'checkpoints', 'incidents', 'rounds', 'outbox'] },
    admin: { home: 'choose', tabs: ['bases', 'reaches', 'checkpoints', 'incidents', 'rounds', 'outbox'] },
    viewer: { home: 'choose', tabs: ['bases', 'reaches', 'checkpoints'] },
    requester: { home: 'requests', tabs: ['requests', 'outbox'] }
  };
  const TAB_NAMES = { bases: '仓库 Bases', reaches: '河段 Reaches', hazards: '隐患 Hazards',
    checkpoints: '监测点 Points', rounds: '检查 Rounds', outbox: '发件 Outbox', incidents: '险情 Incidents',
    requests: '申请 Requests' };

  FR.role = () => (FR.user() || {}).role;
  FR.can = {
    keep: () => ['base_keeper', 'admin'].includes(FR.role()),
    patrol: () => ['river_chief', 'admin'].includes(FR.role()),
    read: () => ['inspector', 'admin', 'duty_officer'].includes(FR.role()),
    duty: () => ['duty_officer', 'admin'].includes(FR.role()),
    inspect: () => ['duty_officer', 'admin', 'inspector', 'river_chief'].includes(FR.role())
  };

  // ---------- login ----------
  async function login(ev) {
    ev.preventDefault();
    $('login-error').textContent = '';
    const form = $('login-form');
    if (!FR.checkForm(form)) return;
    try {
      const r = await FR.call('/api/auth/login', { json: { username: $('username').value.trim(), password: $('password').value } });
      FR.saveSession(r.token, r.user);
      $('password').value = '';
      start();
    } catch (e) {
      $('login-error').textContent = e.offline ? '没有网络，无法登录 No network: cannot log in now'
        : e.status === 429 ? '尝试次数过多，请稍后 Too many attempts, wait a moment'
          : '用户名或密码错误 Wrong username or password';
    }
  }

  FR.onNeedLogin = () => {
    // The outbox stays on the phone; it is sent after the next login.
    $('view').hidden = true; $('tabs').hidden = true; $('login').hidden = false;
    const u = FR.user();
    if (u) $('username').value = u.username;
    $('login-error').textContent = '登录已过期，请重新登录（待发送的记录会保留）Session expired: log in again (queued entries are kept)';
    sessionStorage.removeItem('floodready.token'); localStorage.removeItem('floodready.token');
  };

  function logout() {
    fetch('/api/auth/logout', { method: 'POST' }).catch(() => {});
    FR.clearSession();
    location.hash = '';
    $('view').hidden = true; $('tabs').hidden = true; $('login').hidden = false;
    $('login-error').textContent = '';
  }

  // ---------- routing ----------
  let routes = 0;
  function route() {
    const user = FR.user();
    if (!user || !FR.token()) { $('login').hidden = false; $('view').hidden = true; $('tabs').hidden = true; return; }
    const role = ROLES[user.role] || ROLES.viewer;
    const parts = (location.hash.replace(/^#/, '') || 'home').split('/').map(decodeURIComponent);
    let name = parts[0] === 'home' ? role.home : parts[0];
    if (!FR.views[name]) name = role.home;
    const tab = name === 'round' ? 'rounds' : name.startsWith('incident') ? 'incidents' : name;
    const tabs = $('tabs');
    tabs.innerHTML = role.tabs.map((t) => '<a href="#' + t + '" class="' + (t === tab ? 'on' : '') + '">'
      + esc(TAB_NAMES[t]) + '</a>').join('');
    tabs.hidden = false;
    const view = $('view');
    view.hidden = false;
    view.innerHTML = '<p class="muted">加载中 Loading…</p>';
    view.dataset.view = name;
    view.dataset.hash = location.hash;
    view.dataset.ready = '0';
    window.scrollTo(0, 0);
    const token = String(++routes);
    view.dataset.token = token;
    Promise.resolve(FR.views[name](view, ...parts.slice(1))).then(() => {
      // A slower page drawn after the user moved on is replaced by the current one.
      if (view.dataset.token !== token) { route(); return; }
      view.dataset.ready = '1';
      const after = FR.afterRender;
      FR.afterRender = null;
      if (after) after();
    }).catch((e) => {
      if (view.dataset.token !== token) return;
      view.dataset.ready = 'failed';
      view.innerHTML = '<p class="error">' + (e.offline ? '离线且手机上没有这页的数据 Offline, and this page was never opened online'
        : '加载失败 Could not load: ' + esc(e.message)) + '</p>';
    });
  }
  FR.go = (hash) => { if (location.hash === hash) route(); else location.hash = hash; };
  FR.refresh = route;

  /** A page header: title (Chinese first), optional back link, keptAt note when shown from the phone's copy. */
  FR.head = (title, back, kept) => '<div class="page-head">' + (back ? '<a class="back" href="' + esc(back) + '" aria-label="返回 Back">‹</a>' : '')
    + '<h1>' + title + '</h1></div>' + (kept ? '<p class="kept">离线数据，保存于 Offline copy from ' + esc(FR.time(kept)) + '</p>' : '');

  // ---------- views: choose, outbox, me ----------
  FR.views.choose = (view) => {
    const u = FR.user();
    view.innerHTML = FR.head('你好 ' + esc(u.displayName || u.username))
      + '<div class="cards">'
      + '<a class="card big" href="#bases"><b>仓库物资</b><span>Supply bases</span></a>'
      + '<a class="card big" href="#reaches"><b>河段巡河</b><span>River reaches</span></a>'
      + '<a class="card big" href="#checkpoints"><b>监测点</b><span>Checkpoints</span></a>'
      + (FR.can.inspect() ? '<a class="card big" href="#rounds"><b>检查</b><span>Inspection rounds</span></a>' : '')
      + '</div>' + meBlock();
  };

  function meBlock() {
    const u = FR.user() || {};
    return '<div class="me"><span>' + esc(u.displayName || u.username) + '</span>'
      + '<button type="button" class="ghost" id="logout">退出 Log out</button></div>';
  }
  FR.meBlock = meBlock;
  document.addEventListener('click', (ev) => { if (ev.target && ev.target.id === 'logout') logout(); });

  FR.views.outbox = async (view) => {
    {
      const entries = await FR.outbox();
      view.innerHTML = FR.head('发件箱 Outbox')
        + '<p class="muted">每条记录在按下按钮时生成，联网后自动发送，重试不会重复记账。 Each entry is made when you press the button, sent when online, never booked twice.</p>'
        + '<div class="row"><button type="button" id="send-now" class="primary">立即发送 Send now</button></div>'
        + (entries.length ? '<ul class="list outbox">' + entries.map((e) => '<li data-id="' + esc(e.id) + '" data-status="' + esc(e.status) + '">'
          + '<span class="chip q-' + esc(e.status) + '">' + esc(FR.t('queue', e.status)) + '</span>'
          + '<div><b>' + esc(e.label) + '</b><small>' + esc(FR.time(e.createdAt))
          + (e.status === 'pending' && e.attempts ? ' · 已重试 retries ' + e.attempts : '') + '</small>'
          + (e.error && e.status !== 'sent' ? '<p class="' + (e.status === 'refused' ? 'error' : 'muted') + '">' + esc(e.error) + '</p>' : '')
          + '</div></li>').join('') + '</ul>' : '<p class="muted">没有记录 Nothing queued</p>')
        + meBlock();
      $('send-now').addEventListener('click', () => FR.flush());
    }
  };
  FR.onOutbox(() => { if ($('view').dataset.view === 'outbox') FR.views.outbox($('view')); });

  // ---------- start ----------
  function start() {
    // Arriving from the board's login the token is only in this tab: keep it on the phone for offline starts.
    FR.saveSession(FR.token(), FR.user());
    $('login').hidden = true;
    route();
    FR.flush();
  }

  $('login-form').addEventListener('submit', login);
  window.addEventListener('hashchange', route);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => {});
  }
  FR.setOnline(navigator.onLine);
  if (FR.token() && FR.user()) {
    start();
  } else {
    $('login').hidden = false;
  }
  FR.outbox().then((all) => {
    const n = all.filter((e) => e.status === 'pending').length;
    $('outbox-count').textContent = String(n); $('outbox-count').hidden = n === 0;
  }).catch(() => {});
})();
