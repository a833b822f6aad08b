/* FloodReady admin pages: plain JavaScript, no external assets, no inline handlers (CSP default-src 'self').
   Shares the board's login (sessionStorage) so an admin moves between /admin/ and the board without logging in again.
   Every section is a list (filters, sorting, pages where the API offers them) and a form that shows the
   server's field errors ({"error","message","fields":{...}}) next to the field they name. */
(function () {
  'use strict';

  const TOKEN_KEY = 'floodready.token';
  const USER_KEY = 'floodready.user';
  const PAGE_SIZE = 20;
  const $ = (id) => document.getElementById(id);

  // ---------- words: Chinese first, English second ----------
  const T = {
    role: { admin: '系统管理员 Admin', duty_officer: '防汛值班员 Duty officer', base_keeper: '仓库管理员 Base keeper',
      river_chief: '河长 River chief', inspector: '巡查员 Inspector', viewer: '只读用户 Viewer',
      requester: '街道/社区申请人 Street/community requester' },
    category: { materials: '防御材料 Materials', life_saving: '救生器材 Life-saving', equipment: '抢险机具 Equipment' },
    unitLevel: { city: '市 City', district: '区 District', street: '街道/乡镇 Street/township',
      community: '社区/村 Community/village' },
    kind: { reservoir: '水库 Reservoir', waterlogging: '积水点 Waterlogging point' },
    pointKind: { underpass: '下穿通道 Underpass', culvert: '涵洞 Culvert', road: '道路 Road', tunnel: '隧道 Tunnel' },
    chiefLevel: { city: '市级 City', county: '县级 County', township: '乡级 Township', village: '村级 Village' },
    yesNo: { true: '是 Yes', false: '否 No' },
    active: { true: '启用 Active', false: '停用 Disabled' }
  };
  const LEVEL_NUMERAL = { IV: 'Ⅳ', III: 'Ⅲ', II: 'Ⅱ', I: 'Ⅰ', none: '无 none' };
  const options = (dict) => Object.keys(dict).map((k) => ({ value: k, label: dict[k] }));

  const MESSAGES = [
    [/^is required/, '必填'],
    [/^must not be empty/, '不能为空'],
    [/^must be at least (\d+) characters/, '至少 $1 个字符'],
    [/^must be at most (\d+) characters/, '最多 $1 个字符'],
    [/^must be one of/, '请从列表中选择'],
    [/^must be a positive whole number/, '须为正整数'],
    [/^must be a whole number/, '须为整数'],
    [/^must be a (JSON )?number/, '须为数字'],
    [/^must be a string/, '须为文字'],
    [/^must be true or false/, '须为是或否'],
    [/^use 3 to 64 letters/, '须为 3–64 位字母、数字或 . _ -'],
    [/^use letters, digits/, '只能用字母、数字和 . _ -'],
    [/already taken|already exists/, '已被占用'],
    [/^no unit/, '没有这个单位'],
    [/^no river/, '没有这条河流'],
    [/^no active user/, '没有这个在用账号'],
    [/^you cannot disable your own account/, '不能停用自己的账号'],
    [/^you cannot take the admin role/, '不能取消自己的管理员角色'],
    [/^you cannot reset your own password/, '不能在这里重置自己的密码'],
    [/^not active base keepers/, '只能选在用的仓库管理员账号'],
    [/^must all be inspector/, '只能选巡查员账号'],
    [/^must all be API keys/, '只能选未吊销的密钥'],
    [/^is required when needsTestRun/, '需要试运行时必填'],
    [/^give both lat and lon/, '经度和纬度须同时填写'],
    [/^must be >=? /, '须高于上一级'],
    [/^must be (between|at most|at least|<)/, '超出允许范围'],
    [/^overlaps/, '与其他时段重叠'],
    [/^must be an? (array|object)/, '格式不对'],
    [/^cannot be changed/, '不能修改']
  ];

  /** The server's English problem with a Chinese reading in front. */
  function problemText(message) {
    for (const [re, zh] of MESSAGES) {
      const m = String(message).match(re);
      if (m) return zh.replace('$1', m[1] || '') + ' · ' + message;
    }
    return '输入有误 · ' + message;
  }

  const STATUS = { 400: '输入有误 Invalid input', 403: '无权操作 Not allowed', 404: '记录不存在 Not found',
    409: '与现有记录冲突 Conflict', 413: '内容太大 Too large', 422: '不符合业务规则 Not allowed by the rules',
    429: '操作太频繁 Too many requests', 503: '数据库暂不可用 Database unavailable' };

  // ---------- DOM ----------
  function h(tag, props, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }

  function time(iso) {
    return iso ? String(iso).slice(0, 10) + ' ' + String(iso).slice(11, 16) : '—';
  }

  function tag(text, cls) {
    return h('span', { class: 'tag' + (cls ? ' ' + cls : ''), text });
  }

  function notice(text, bad) {
    const n = $('notice');
    n.textContent = text;
    n.classList.toggle('bad', !!bad);
    n.hidden = false;
  }

  // ---------- HTTP ----------
  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers = Object.assign({ Accept: 'application/json' }, opts.headers);
    if (token()) opts.headers.Authorization = 'Bearer ' + token();
    if (opts.json !== undefined) {
      opts.method = opts.method || 'POST';
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    const res = await fetch(path, opts);
    if (res.status === 401 && path !== '/api/auth/login') {
      showLogin('登录已失效，请重新登录 Session ended, log in again');
      throw Object.assign(new Error('unauthorized'), { status: 401 });
    }
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
    if (!res.ok) {
      throw Object.assign(new Error((body && body.message) || ('HTTP ' + res.status)), { status: res.status, body });
    }
    return body;
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? '?' + s : '';
  }

  // ---------- reference lists, loaded once and reloaded after a change ----------
  const cache = new Map();
  function lookup(key, loader) {
    if (!cache.has(key)) cache.set(key, loader().catch((e) => { cache.delete(key); throw e; }));
    return cache.get(key);
  }
  const forget = (...keys) => keys.forEach((k) => cache.delete(k));

  const items = () => lookup('items', async () => (await api('/api/items?size=500&sort=code')).items);
  const bases = () => lookup('bases', async () => (await api('/api/bases?size=500&sort=code')).items);
  const rivers = () => lookup('rivers', async () => (await api('/api/rivers')).items);
  const apiKeys = () => lookup('apiKeys', async () => (await api('/api/admin/api-keys')).items);
  const usersWithRole = (role) => lookup('users:' + role,
    async () => (await api('/api/admin/users' + query({ role, size: 500, sort: 'username' }))).items
      .filter((u) => u.active));

  // Unit pickers ask the server (a province has 50,000 units): the first UNIT_PICK from the city down, or what
  // matches the text typed into the picker's search box; a unit already chosen is looked up by its id.
  const UNIT_PICK = 200;
  const unitLabel = (u) => u.nameZh + ' ' + u.nameEn + (u.parentNameZh ? ' · ' + u.parentNameZh : '');
  const unitOptions = async (filter, text) => (await api('/api/units' + query({ q: text, sort: 'level', size: UNIT_PICK })))
    .items.filter(filter || (() => true)).map((u) => ({ value: u.id, label: unitLabel(u) }));
  const unitById = (id) => lookup('unit:' + id, () => api('/api/units/' + id));
  const unitName = async (id) => { try { return (await unitById(id)).nameZh; } catch (e) { return '—'; } };
  const unitPicker = (filter) => ({ options: () => unitOptions(filter), search: (text) => unitOptions(filter, text),
    one: async (id) => { const u = await unitById(id); return { value: u.id, label: unitLabel(u) }; } });
  const userOptions = async (role) => (await usersWithRole(role))
    .map((u) => ({ value: u.id, label: u.displayName + ' (' + u.username + ')' }));

  // ---------- forms ----------
  function getPath(obj, path) {
    return path.split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), obj);
  }
  function setPath(obj, path, value) {
    const keys = path.split('.');
    let o = obj;
    keys.slice(0, -1).forEach((k) => { o = o[k] = o[k] || {}; });
    o[keys[keys.length - 1]] = value;
  }

  /**
   * A form in the editor area. fields: {name, label, type: text|password|number|select|checkbox|checks|textarea,
   * options (list or async function), required, numeric, nullable, hint, when(body), readonly, wide, parse, format}.
   */
  async function openForm(cfg) {
    const editor = $('editor');
    editor.innerHTML = '';
    const form = h('form', { class: 'editor', id: 'form-' + cfg.id, novalidate: true });
    form.append(h('h3', { text: cfg.title }));
    if (cfg.intro) form.append(h('p', { class: 'hint', text: cfg.intro }));
    const grid = h('div', { class: 'form-grid' });
    const controls = new Map();
    for (const field of cfg.fields || []) grid.append(await fieldElement(cfg.id, field, cfg.values || {}, controls));
    form.append(grid);
    const formError = h('p', { class: 'error', role: 'alert', id: 'form-error-' + cfg.id });
    const submit = h('button', { type: 'submit', class: cfg.danger ? 'danger' : 'primary', id: 'submit-' + cfg.id,
      text: cfg.submitLabel || '保存 Save' });
    const cancel = h('button', { type: 'button', text: '取消 Cancel', onclick: closeForm });
    form.append(formError, h('div', { class: 'form-buttons' }, submit, cancel));
    const refreshVisibility = () => {
      const body = collect(controls, true);
      for (const c of controls.values()) if (c.field.when) c.wrap.hidden = !c.field.when(body);
    };
    form.addEventListener('change', refreshVisibility);
    refreshVisibility();
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors(controls, formError);
      submit.disabled = true;
      try {
        const body = collect(controls, false);
        const missing = {};
        for (const c of controls.values()) {
          if (c.field.required && !c.wrap.hidden && getPath(body, c.field.name) === undefined) missing[c.field.name] = 'is required';
        }
        if (Object.keys(missing).length) throw { status: 400, body: { message: 'Fill in the required fields', fields: missing } };
        const result = await cfg.submit(body);
        if (cfg.keepOpen) {
          cfg.keepOpen(form, result);
        } else {
          closeForm();
        }
        if (cfg.done) await cfg.done(result);
      } catch (e) {
        if (e && e.message === 'unauthorized') return;
        showErrors(e, controls, formError, cfg.conflictField);
      } finally {
        submit.disabled = false;
      }
    });
    editor.append(form);
    form.scrollIntoView({ block: 'nearest' });
    const first = form.querySelector('input:not([type=checkbox]):not([readonly]), select, textarea');
    if (first) first.focus();
    return form;
  }

  function closeForm() { $('editor').innerHTML = ''; }

  async function fieldElement(formId, field, values, controls) {
    const id = 'f-' + formId + '-' + field.name.replace(/\./g, '-');
    const error = h('p', { class: 'field-error', id: id + '-error', role: 'alert', dataset: { errorFor: field.name } });
    const label = field.label + (field.required ? ' *' : '');
    const value = field.format ? field.format(getPath(values, field.name), values) : getPath(values, field.name);
    let wrap;
    let input;
    if (field.type === 'checkbox') {
      input = h('input', { type: 'checkbox', id, name: field.name, checked: value === undefined ? !!field.default : !!value,
        'aria-describedby': id + '-error' });
      wrap = h('div', {}, h('label', { class: 'inline' }, input, label), error);
    } else if (field.type === 'checks') {
      const chosen = new Set((value || []).map(Number));
      const opts = typeof field.options === 'function' ? await field.options() : field.options;
      const boxes = opts.map((o) => h('label', {}, h('input', { type: 'checkbox', name: field.name, value: o.value,
        checked: chosen.has(Number(o.value)) }), o.label));
      input = boxes.map((b) => b.querySelector('input'));
      wrap = h('fieldset', { class: 'wide', id, 'aria-describedby': id + '-error' }, h('legend', { text: label }),
        boxes.length ? h('div', { class: 'checks' }, boxes) : h('p', { class: 'empty', text: field.emptyText || '（无 none）' }),
        error);
    } else {
      if (field.type === 'select') {
        const opts = typeof field.options === 'function' ? await field.options() : field.options;
        input = h('select', { id, name: field.name, disabled: field.readonly, 'aria-describedby': id + '-error' },
          h('option', { value: '', text: field.required ? '— 请选择 choose —' : '— 无 none —' }),
          opts.map((o) => h('option', { value: o.value, text: o.label })));
        const initial = value === undefined ? field.default : value;
        if (field.one && initial !== undefined && initial !== null && !opts.some((o) => String(o.value) === String(initial))) {
          try { const o = await field.one(initial); input.append(h('option', { value: o.value, text: o.label })); } catch (e) { /* shown as none */ }
        }
        input.value = initial === undefined || initial === null ? '' : String(initial);
        if (field.search && !field.readonly) searchable(input, field.search, id);
      } else if (field.type === 'textarea') {
        input = h('textarea', { id, name: field.name, rows: field.rows || 4, 'aria-describedby': id + '-error',
          placeholder: field.placeholder });
        input.value = value === undefined || value === null ? '' : value;
      } else {
        input = h('input', { id, name: field.name, type: field.type === 'number' ? 'text' : (field.type || 'text'),
          inputmode: field.type === 'number' ? 'decimal' : null, readonly: field.readonly,
          autocomplete: field.type === 'password' ? 'new-password' : 'off', 'aria-describedby': id + '-error',
          placeholder: field.placeholder });
        const initial = value === undefined ? field.default : value;
        input.value = initial === undefined || initial === null ? '' : String(initial);
      }
      wrap = h('div', { class: field.wide || field.type === 'textarea' ? 'wide' : null },
        h('label', { for: id }, label, input), field.hint ? h('p', { class: 'hint', text: field.hint }) : null, error);
    }
    wrap.dataset.field = field.name;
    controls.set(field.name, { field, input, wrap, error });
    return wrap;
  }

  /**
   * A search box before a long select (units: 50,000 at province size): typing asks search(text) for the options
   * again; the chosen option stays.
   */
  function searchable(select, search, id) {
    const box = h('input', { type: 'search', id: id + '-search', class: 'picker-search', placeholder: '搜索 Search…',
      autocomplete: 'off', 'aria-label': '搜索 Search' });
    let typing;
    box.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(async () => {
        const opts = await search(box.value.trim());
        const chosen = select.value;
        [...select.options].forEach((o) => { if (o.value !== '' && o.value !== chosen) o.remove(); });
        opts.filter((o) => String(o.value) !== chosen).forEach((o) => select.append(h('option', { value: o.value, text: o.label })));
        select.dataset.searched = String((Number(select.dataset.searched) || 0) + 1);
      }, 300);
    });
    select.before(box);
  }

  /** The form's values as the API's JSON: numbers as JSON numbers, empty optional fields left out. */
  function collect(controls, loose) {
    const body = {};
    for (const { field, input, wrap } of controls.values()) {
      if (field.readonly && !field.send) continue;
      if (!loose && wrap.hidden) continue;
      let v;
      if (field.type === 'checkbox') v = input.checked;
      else if (field.type === 'checks') v = input.filter((b) => b.checked).map((b) => Number(b.value));
      else {
        const raw = input.value.trim();
        if (raw === '') v = field.nullable ? null : undefined;
        else if (field.parse) v = field.parse(raw);
        else if (field.type === 'number' || field.numeric) v = Number.isFinite(Number(raw)) ? Number(raw) : raw;
        else v = field.type === 'password' ? input.value : raw;
      }
      if (v !== undefined) setPath(body, field.name, v);
    }
    return body;
  }

  function clearErrors(controls, formError) {
    formError.textContent = '';
    for (const c of controls.values()) {
      c.error.textContent = '';
      (Array.isArray(c.input) ? c.input : [c.input]).forEach((i) => i.removeAttribute('aria-invalid'));
      c.wrap.classList.remove('invalid');
    }
  }

  /** The server's message with the form's labels in place of the API's field names ("must be > attentionCm"). */
  function named(message, controls) {
    let out = String(message);
    for (const c of controls.values()) {
      const short = c.field.name.split('.').pop();
      if (short.length < 3) continue;
      out = out.replace(new RegExp('\\b' + short + '\\b', 'g'), '“' + c.field.label + '”');
    }
    return out;
  }

  /** The field a server error key belongs to: itself, its array or the closest enclosing field. */
  function controlFor(controls, key) {
    if (controls.has(key)) return controls.get(key);
    const base = key.replace(/\[\d+\].*$/, '');
    if (controls.has(base)) return controls.get(base);
    let best = null;
    for (const name of controls.keys()) {
      if (key.startsWith(name + '.') && (!best || name.length > best.length)) best = name;
    }
    return best ? controls.get(best) : null;
  }

  function showErrors(e, controls, formError, conflictField) {
    const body = (e && e.body) || {};
    const fields = Object.assign({}, body.fields || {});
    if (e.status === 409 && conflictField && !Object.keys(fields).length) fields[conflictField] = body.message || 'already taken';
    const leftOver = [];
    for (const [key, message] of Object.entries(fields)) {
      const c = controlFor(controls, key);
      if (c && !c.wrap.hidden) {
        c.error.textContent = (c.error.textContent ? c.error.textContent + '; ' : '') + problemText(named(message, controls));
        (Array.isArray(c.input) ? c.input : [c.input]).forEach((i) => i.setAttribute('aria-invalid', 'true'));
        c.wrap.classList.add('invalid');
      } else {
        leftOver.push(key + ': ' + problemText(named(message, controls)));
      }
    }
    const head = STATUS[e.status] || ('出错了 Failed' + (e.status ? ' (' + e.status + ')' : ''));
    const placed = Object.keys(fields).length > 0 && !leftOver.length;
    formError.textContent = head + (placed ? ' — 请改正标出的栏目 Correct the marked fields'
      : (body.message ? ' — ' + body.message : (e.message ? ' — ' + e.message : ''))
        + (leftOver.length ? ' | ' + leftOver.join(' | ') : ''));
    const firstBad = Array.from(controls.values()).find((c) => c.wrap.classList.contains('invalid'));
    if (firstBad) firstBad.wrap.scrollIntoView({ block: 'center' });
  }

  /** A yes/no question in the editor area, answered by a button (no window.confirm). */
  function confirmAction(id, title, text, label, run, done) {
    return openForm({ id, title, intro: text, submitLabel: label, danger: true, fields: [], submit: run, done });
  }

  // ---------- lists ----------
  /**
   * A list with filters, a sort choice and pages. cfg: {id, load(params) -> {items, page, pages, total} or [..],
   * filters, sorts, defaultSort, columns: [{label, value(row), num, sort}], actions(row), rowClass(row)}.
   */
  function listView(cfg) {
    const state = { page: 1, sort: cfg.defaultSort, filters: {} };
    const root = h('section', { class: 'list', id: 'list-' + cfg.id });
    const filterBar = h('form', { class: 'filters', role: 'search' });
    const table = h('table', { id: 'table-' + cfg.id });
    const pager = h('div', { class: 'pager' });
    const status = h('p', { class: 'error', role: 'status' });
    root.append(filterBar, status, table, pager);

    (async () => {
      for (const f of cfg.filters || []) {
        const id = 'filter-' + cfg.id + '-' + f.name;
        let input;
        if (f.type === 'select') {
          const opts = typeof f.options === 'function' ? await f.options() : f.options;
          input = h('select', { id, name: f.name }, h('option', { value: '', text: '全部 All' }),
            opts.map((o) => h('option', { value: o.value, text: o.label })));
        } else {
          input = h('input', { id, name: f.name, type: 'search', placeholder: f.placeholder });
        }
        input.addEventListener(f.type === 'select' ? 'change' : 'input', () => {
          state.filters[f.name] = input.value;
          state.page = 1;
          clearTimeout(state.typing);
          state.typing = setTimeout(reload, f.type === 'select' ? 0 : 300);
        });
        filterBar.append(h('label', { for: id }, f.label, input));
        if (f.search) searchable(input, f.search, id);
      }
      if (cfg.sorts && cfg.sorts.length) {
        const id = 'sort-' + cfg.id;
        const select = h('select', { id, name: 'sort' }, cfg.sorts.flatMap((s) => [
          h('option', { value: s.value, text: s.label + ' ↑' }), h('option', { value: '-' + s.value, text: s.label + ' ↓' })]));
        select.value = state.sort;
        select.addEventListener('change', () => { state.sort = select.value; state.page = 1; reload(); });
        filterBar.append(h('label', { for: id }, '排序 Sort by', select));
      }
      filterBar.addEventListener('submit', (ev) => ev.preventDefault());
    })();

    async function reload() {
      status.textContent = '';
      let data;
      try {
        data = await cfg.load(Object.assign({ page: state.page, size: PAGE_SIZE, sort: state.sort }, state.filters));
      } catch (e) {
        if (e.message !== 'unauthorized') status.textContent = '加载失败 Loading failed: ' + e.message;
        return;
      }
      const rows = Array.isArray(data) ? data : data.items;
      table.innerHTML = '';
      table.append(h('thead', {}, h('tr', {}, cfg.columns.map((c) => h('th', { scope: 'col', text: c.label })),
        cfg.actions ? h('th', { scope: 'col', text: '操作 Actions' }) : null)));
      const tbody = h('tbody');
      for (const row of rows) {
        const tr = h('tr', { class: cfg.rowClass ? cfg.rowClass(row) : null, dataset: { id: row.id } });
        for (const c of cfg.columns) {
          const v = await c.value(row);
          tr.append(h('td', { class: c.num ? 'num' : null, 'data-label': c.label },
            h('span', { class: 'v' }, v === null || v === undefined || v === '' ? '—' : v)));
        }
        if (cfg.actions) tr.append(h('td', { class: 'actions', 'data-label': '操作 Actions' }, h('div', { class: 'v' }, cfg.actions(row))));
        tbody.append(tr);
      }
      if (!rows.length) tbody.append(h('tr', {}, h('td', { class: 'empty', colspan: cfg.columns.length + 1, text: '没有记录 Nothing found' })));
      table.append(tbody);
      pager.innerHTML = '';
      if (!Array.isArray(data)) {
        const prev = h('button', { type: 'button', text: '‹ 上一页 Previous', disabled: data.page <= 1,
          onclick: () => { state.page -= 1; reload(); } });
        const next = h('button', { type: 'button', text: '下一页 Next ›', disabled: data.page >= data.pages,
          onclick: () => { state.page += 1; reload(); } });
        pager.append(prev, h('span', { class: 'muted', id: 'pager-' + cfg.id, text: pagerText(data),
          title: data.totalExact === false ? '超过 ' + data.total + ' 条，未再计数 More than ' + data.total + ', not counted further' : null }), next);
      } else {
        pager.append(h('span', { class: 'muted', text: '共 ' + rows.length + ' 条 total' }));
      }
      root.dataset.loaded = String((Number(root.dataset.loaded) || 0) + 1);
    }

    return { root, reload };
  }

  /**
   * "第 3 / 12 页 Page · 共 230 条 total"; when the server stopped counting (totalExact false: more than total rows,
   * at least pages pages) "第 3 / 51+ 页 Page · 共 1,000+ 条 total", and Next stays usable.
   */
  function pagerText(data) {
    const more = data.totalExact === false ? '+' : '';
    const n = (x) => Number(x).toLocaleString('en-US');
    return '第 ' + data.page + ' / ' + n(Math.max(1, data.pages)) + more + ' 页 Page · 共 ' + n(data.total) + more
      + ' 条 total';
  }

  function button(text, onclick, cls) {
    return h('button', { type: 'button', class: 'small' + (cls ? ' ' + cls : ''), text, onclick });
  }

  // ---------- sections ----------
  const SECTIONS = {};
  let current = null;

  function section(id, title, note, render) {
    SECTIONS[id] = { id, title, note, render };
  }

  function toolbar(...buttons) {
    return h('div', { class: 'toolbar' }, buttons);
  }

  // Users
  const userFields = (edit) => [
    !edit && { name: 'username', label: '用户名 Username', required: true, hint: '3–64 位字母、数字或 . _ - · letters, digits, . _ -' },
    { name: 'displayName', label: '姓名 Display name', required: true },
    !edit && { name: 'password', label: '初始密码 Initial password', type: 'password', required: true, hint: '至少 10 位，不可用常见密码 at least 10 characters, not a common one' },
    { name: 'role', label: '角色 Role', type: 'select', options: options(T.role), required: true },
    { name: 'unitId', label: '所属单位 Unit', type: 'select', numeric: true, nullable: edit, ...unitPicker() },
    { name: 'phone', label: '电话 Phone', nullable: edit }
  ].filter(Boolean);

  const isMe = (u) => u.id === JSON.parse(sessionStorage.getItem(USER_KEY) || '{}').id;

  section('users', '用户 Users', '新建账号、分配角色和单位、停用账号、重置密码；管辖范围决定仓库管理员、巡查员和河长能看到什么。'
    + ' Create accounts, set role and unit, disable, reset passwords; the scope decides what keepers, inspectors and chiefs see.',
  (body) => {
    const list = listView({
      id: 'users',
      load: (p) => api('/api/admin/users' + query(p)),
      filters: [{ name: 'q', label: '搜索 Search', placeholder: '用户名或姓名 name' },
        { name: 'role', label: '角色 Role', type: 'select', options: options(T.role) },
        { name: 'unitId', label: '单位 Unit', type: 'select', ...unitPicker() }],
      sorts: [{ value: 'username', label: '用户名 Username' }, { value: 'role', label: '角色 Role' },
        { value: 'createdAt', label: '创建时间 Created' }, { value: 'id', label: '编号 ID' }],
      defaultSort: 'username',
      rowClass: (u) => (u.active ? null : 'off'),
      columns: [
        { label: '用户名 Username', value: (u) => u.username },
        { label: '姓名 Name', value: (u) => u.displayName },
        { label: '角色 Role', value: (u) => T.role[u.role] || u.role },
        { label: '单位 Unit', value: (u) => u.unitName },
        { label: '电话 Phone', value: (u) => u.phone },
        { label: '状态 Status', value: (u) => tag(T.active[u.active], u.active ? 'ok' : 'off') },
        { label: '创建 Created', value: (u) => time(u.createdAt) }
      ],
      actions: (u) => [
        button('编辑 Edit', () => openForm({ id: 'user-edit', title: '编辑用户 Edit user ' + u.username, values: u,
          fields: userFields(true), submit: (b) => api('/api/admin/users/' + u.id, { method: 'PATCH', json: b }),
          done: (r) => { forget('users:' + u.role, 'users:' + r.role); notice('已保存 Saved: ' + r.username); list.reload(); } })),
        ['base_keeper', 'inspector', 'river_chief'].includes(u.role) && u.active
          ? button('管辖范围 Scope', () => openScope(u, list)) : null,
        isMe(u) ? null : button('重置密码 Reset password', () => openForm({ id: 'user-password', title: '重置密码 Reset password: ' + u.username,
          intro: '新密码请当面或电话告知本人。Tell the user the new password in person or by phone.',
          fields: [{ name: 'password', label: '新密码 New password', type: 'password', required: true, hint: '至少 10 位，不可用常见密码 at least 10 characters, not a common one' }],
          submit: (b) => api('/api/admin/users/' + u.id + '/password', { json: b }),
          done: () => notice('密码已重置 Password reset: ' + u.username) })),
        isMe(u) ? null : u.active
          ? button('停用 Disable', () => confirmAction('user-disable', '停用账号 Disable account ' + u.username,
            '停用后此账号不能再登录。The account can no longer log in.', '停用 Disable',
            () => api('/api/admin/users/' + u.id, { method: 'PATCH', json: { active: false } }),
            () => { forget('users:' + u.role); notice('已停用 Disabled: ' + u.username); list.reload(); }), 'danger')
          : button('启用 Enable', async () => {
            await api('/api/admin/users/' + u.id, { method: 'PATCH', json: { active: true } });
            forget('users:' + u.role);
            notice('已启用 Enabled: ' + u.username);
            list.reload();
          })
      ]
    });
    body.append(toolbar(h('button', { type: 'button', class: 'primary', id: 'new-user', text: '新建用户 New user',
      onclick: () => openForm({ id: 'user-new', title: '新建用户 New user', fields: userFields(false),
        conflictField: 'username', submit: (b) => api('/api/admin/users', { json: b }),
        done: (r) => { forget('users:' + r.role); notice('已创建用户 User created: ' + r.username); list.reload(); } }) })),
    list.root);
    return list;
  });

  /** What a scoped user may see: the bases he keeps, the checkpoints he inspects, the reaches he is chief of. */
  async function openScope(u, list) {
    if (u.role === 'base_keeper') {
      return sharedScope(u, { intro: '所管仓库 Bases this keeper looks after', label: '仓库 Bases',
        places: await bases(), detail: (id) => api('/api/bases/' + id), holders: (d) => d.keepers,
        save: (id, userIds) => api('/api/bases/' + id + '/keepers', { method: 'PUT', json: { userIds } }) });
    }
    if (u.role === 'inspector') {
      return sharedScope(u, { intro: '负责的监测点 Checkpoints this inspector reports on', label: '监测点 Checkpoints',
        places: (await api('/api/checkpoints?size=500&sort=code')).items, detail: (id) => api('/api/checkpoints/' + id),
        holders: (d) => d.inspectors,
        save: (id, userIds) => api('/api/admin/checkpoints/' + id + '/inspectors', { method: 'PUT', json: { userIds } }) });
    }
    return chiefScope(u, list);
  }

  /** Places several people may hold (bases and their keepers, checkpoints and their inspectors): tick the user's. */
  async function sharedScope(u, cfg) {
    const details = await Promise.all(cfg.places.map((p) => cfg.detail(p.id)));
    const holdersOf = new Map(details.map((d) => [d.id, cfg.holders(d).map((x) => x.id)]));
    return openForm({ id: 'scope', title: '管辖范围 Scope: ' + u.displayName, intro: cfg.intro,
      values: { placeIds: cfg.places.filter((p) => holdersOf.get(p.id).includes(u.id)).map((p) => p.id) },
      fields: [{ name: 'placeIds', label: cfg.label, type: 'checks',
        options: cfg.places.map((p) => ({ value: p.id, label: p.nameZh + ' ' + p.code })) }],
      submit: async (b) => {
        for (const p of cfg.places) {
          const holders = holdersOf.get(p.id);
          const wants = b.placeIds.includes(p.id);
          if (holders.includes(u.id) === wants) continue;
          await cfg.save(p.id, wants ? holders.concat([u.id]) : holders.filter((id) => id !== u.id));
        }
      },
      done: () => notice('管辖范围已保存 Scope saved: ' + u.username) });
  }

  /** A reach has one chief: ticking gives it to this chief; taking it away means giving it to another. */
  async function chiefScope(u, list) {
    const reaches = (await api('/api/reaches?size=500&sort=code')).items;
    const mine = reaches.filter((r) => r.chiefUserId === u.id).map((r) => r.id);
    return openForm({ id: 'scope', title: '管辖范围 Scope: ' + u.displayName,
      intro: '负责的河段；取消勾选的河段须在“河流河段”页改派给其他河长。Reaches of this chief; a reach is taken away by giving it to another chief on the rivers page.',
      values: { reachIds: mine },
      fields: [{ name: 'reachIds', label: '河段 Reaches', type: 'checks',
        options: reaches.map((r) => ({ value: r.id, label: r.nameZh + ' ' + r.code + (r.chiefName && r.chiefUserId !== u.id ? ' (' + r.chiefName + ')' : '') })) }],
      submit: async (b) => {
        const dropped = mine.filter((id) => !b.reachIds.includes(id));
        if (dropped.length) throw { status: 400, body: { fields: { reachIds: 'cannot be changed here: give the reach to another chief' } } };
        for (const id of b.reachIds.filter((x) => !mine.includes(x))) {
          await api('/api/reaches/' + id, { method: 'PATCH', json: { chiefUserId: u.id } });
        }
      },
      done: () => { notice('管辖范围已保存 Scope saved: ' + u.username); list.reload(); } });
  }

  // Gauge API keys
  section('api-keys', '监测站密钥 Gauge API keys', '自动监测站用密钥上报水位（请求头 X-Api-Key）；密钥只在创建时显示一次。'
    + ' Gauges post readings with a key (X-Api-Key header); the key is shown only once, when it is created.',
  (body) => {
    const list = listView({
      id: 'api-keys',
      load: () => api('/api/admin/api-keys').then((d) => d.items),
      columns: [
        { label: '名称 Name', value: (k) => k.name },
        { label: '前缀 Prefix', value: (k) => h('code', { text: k.keyPrefix + '…' }) },
        { label: '单位 Unit', value: (k) => (k.unitId ? unitName(k.unitId) : '—') },
        { label: '创建 Created', value: (k) => time(k.createdAt) },
        { label: '状态 Status', value: (k) => (k.revokedAt ? tag('已吊销 Revoked ' + time(k.revokedAt), 'off') : tag('有效 Active', 'ok')) }
      ],
      rowClass: (k) => (k.revokedAt ? 'off' : null),
      actions: (k) => (k.revokedAt ? [] : [button('吊销 Revoke', () => confirmAction('key-revoke', '吊销密钥 Revoke key ' + k.name,
        '吊销后该监测站不能再上报。The gauge can no longer post readings.', '吊销 Revoke',
        () => api('/api/admin/api-keys/' + k.id, { method: 'DELETE' }),
        () => { forget('apiKeys'); notice('已吊销 Revoked: ' + k.name); list.reload(); }), 'danger')])
    });
    body.append(toolbar(h('button', { type: 'button', class: 'primary', id: 'new-api-key', text: '新建密钥 New key',
      onclick: () => openForm({ id: 'key-new', title: '新建监测站密钥 New gauge key',
        fields: [{ name: 'name', label: '名称 Name', required: true, hint: '如 尖岗水库1号水位计 e.g. gauge 1 at Jiangang' },
          { name: 'unitId', label: '单位 Unit', type: 'select', numeric: true, ...unitPicker() }],
        submit: (b) => api('/api/admin/api-keys', { json: b }),
        keepOpen: (form, r) => {
          form.querySelector('.form-grid').remove();
          form.querySelector('[type=submit]').remove();
          form.querySelector('.form-buttons button').textContent = '我已保存 I have stored it';
          form.querySelector('h3').after(h('div', { class: 'secret', id: 'new-key' },
            h('strong', { text: '请立即复制保存：此密钥只显示这一次。Copy it now: this key is shown only once.' }),
            h('code', { id: 'new-key-value', text: r.key }),
            h('span', { text: '监测站上报时把它放在请求头 X-Api-Key 中；监测站编号 ' + r.gaugeId
              + '。The gauge sends it in the X-Api-Key header; gauge id ' + r.gaugeId + '.' })));
        },
        done: () => { forget('apiKeys'); list.reload(); } }) })), list.root);
    return list;
  });

  // Units
  section('units', '单位 Units', '组织机构：市 → 区 → 街道/乡镇 → 社区/村；级别随上级而定。'
    + ' The organisation tree city → district → street → community; the level follows from the parent.',
  (body) => {
    const list = listView({
      id: 'units',
      load: (p) => api('/api/units' + query(p)),
      defaultSort: 'level',
      filters: [{ name: 'q', label: '搜索 Search', placeholder: '名称或代码 name or code' },
        { name: 'level', label: '级别 Level', type: 'select', options: options(T.unitLevel) }],
      sorts: [{ value: 'level', label: '级别 Level' }, { value: 'code', label: '代码 Code' }, { value: 'nameZh', label: '名称 Name' }],
      columns: [
        { label: '名称 Name', value: (u) => u.nameZh },
        { label: '英文名 English name', value: (u) => u.nameEn },
        { label: '代码 Code', value: (u) => u.code },
        { label: '级别 Level', value: (u) => T.unitLevel[u.level] || u.level },
        { label: '上级 Parent', value: (u) => u.parentNameZh }
      ]
    });
    body.append(toolbar(h('button', { type: 'button', class: 'primary', id: 'new-unit', text: '新建单位 New unit',
      onclick: () => openForm({ id: 'unit-new', title: '新建单位 New unit',
        fields: [{ name: 'parentId', label: '上级单位 Parent unit', type: 'select', numeric: true, required: true,
          ...unitPicker((u) => u.level !== 'community') },
        { name: 'code', label: '代码 Code', required: true, hint: '如 ZZ-GC-XX' },
        { name: 'nameZh', label: '中文名 Chinese name', required: true },
        { name: 'nameEn', label: '英文名 English name', required: true }],
        conflictField: 'code',
        submit: (b) => api('/api/admin/units', { json: b }),
        done: (r) => { notice('已创建单位 Unit created: ' + r.nameZh); list.reload(); } }) })),
    list.root);
    return list;
  });

  // Items
  const itemFields = [
    { name: 'code', label: '代码 Code', required: true },
    { name: 'nameZh', label: '中文名 Chinese name', required: true },
    { name: 'nameEn', label: '英文名 English name', required: true },
    { name: 'category', label: '类别 Category', type: 'select', options: options(T.category), required: true },
    { name: 'unitOfMeasure', label: '计量单位 Unit of measure', required: true, hint: '如 条、件、台、m³' },
    { name: 'shelfLifeMonths', label: '保质期（月）Shelf life (months)', type: 'number' },
    { name: 'criticality', label: '重要性权重 Criticality weight', type: 'number', default: 1 },
    { name: 'needsTestRun', label: '需要定期试运行 Needs test runs', type: 'checkbox' },
    { name: 'testIntervalDays', label: '试运行间隔（天）Test interval (days)', type: 'number', when: (b) => b.needsTestRun }
  ];
  section('items', '物资品种 Items', '物资目录：类别、计量单位、保质期和试运行要求。The catalogue: category, unit, shelf life, test runs.',
  (body) => {
    const list = listView({
      id: 'items',
      load: (p) => api('/api/items' + query(p)),
      filters: [{ name: 'q', label: '搜索 Search', placeholder: '代码或名称 code or name' },
        { name: 'category', label: '类别 Category', type: 'select', options: options(T.category) },
        { name: 'needsTestRun', label: '需试运行 Test runs', type: 'select', options: options(T.yesNo) }],
      sorts: [{ value: 'code', label: '代码 Code' }, { value: 'nameZh', label: '名称 Name' },
        { value: 'category', label: '类别 Category' }, { value: 'criticality', label: '重要性 Criticality' }],
      defaultSort: 'code',
      columns: [
        { label: '代码 Code', value: (i) => i.code },
        { label: '名称 Name', value: (i) => i.nameZh + ' ' + i.nameEn },
        { label: '类别 Category', value: (i) => T.category[i.category] || i.category },
        { label: '单位 UoM', value: (i) => i.unitOfMeasure },
        { label: '保质期 Shelf life', value: (i) => (i.shelfLifeMonths ? i.shelfLifeMonths + ' 月 months' : '—') },
        { label: '试运行 Test runs', value: (i) => (i.needsTestRun ? '每 ' + i.testIntervalDays + ' 天 every ' + i.testIntervalDays + ' d' : '否 No') },
        { label: '权重 Weight', num: true, value: (i) => i.criticality }
      ],
      actions: (i) => [button('编辑 Edit', () => openForm({ id: 'item-edit', title: '编辑物资 Edit item ' + i.code, values: i,
        fields: itemFields, conflictField: 'code', submit: (b) => api('/api/items/' + i.id, { method: 'PUT', json: b }),
        done: (r) => { forget('items'); notice('已保存 Saved: ' + r.nameZh); list.reload(); } }))]
    });
    body.append(toolbar(h('button', { type: 'button', class: 'primary', id: 'new-item', text: '新建物资 New item',
      onclick: () => openForm({ id: 'item-new', title: '新建物资 New item', fields: itemFields, conflictField: 'code',
        submit: (b) => api('/api/items', { json: b }),
        done: (r) => { forget('items'); notice('已创建物资 Item created: ' + r.nameZh); list.reload(); } }) })), list.root);
    return list;
  });

  // Bases
  const baseFields = [
    { name: 'code', label: '代码 Code', required: true },
    { name: 'nameZh', label: '中文名 Chinese name', required: true },
    { name: 'nameEn', label: '英文名 English name', required: true },
    { name: 'unitId', label: '所属单位 Unit', type: 'select', numeric: true, required: true, ...unitPicker() },
    { name: 'address', label: '地址 Address' },
    { name: 'phone', label: '电话 Phone' },
    { name: 'lat', label: '纬度 Latitude', type: 'number', hint: 'WGS84, 如 34.75' },
    { name: 'lon', label: '经度 Longitude', type: 'number', hint: 'WGS84, 如 113.68' }
  ];
  const keeperField = { name: 'userIds', label: '仓库管理员 Keepers', type: 'checks', options: () => userOptions('base_keeper'),
    emptyText: '还没有仓库管理员账号，请先在“用户”页创建 No keeper accounts yet: create one on the Users page' };
  section('bases', '仓库 Bases', '防汛物资仓库及其管理员；管理员只能看到和操作自己管理的仓库。'
    + ' Supply bases and their keepers; a keeper sees and changes only the bases he keeps.',
  (body) => {
    const list = listView({
      id: 'bases',
      load: (p) => api('/api/bases' + query(p)),
      filters: [{ name: 'q', label: '搜索 Search', placeholder: '代码或名称 code or name' },
        { name: 'unitId', label: '单位（含下级）Unit and below', type: 'select', ...unitPicker() }],
      sorts: [{ value: 'code', label: '代码 Code' }, { value: 'nameZh', label: '名称 Name' }, { value: 'unitId', label: '单位 Unit' }],
      defaultSort: 'code',
      columns: [
        { label: '代码 Code', value: (b) => b.code },
        { label: '名称 Name', value: (b) => b.nameZh },
        { label: '单位 Unit', value: (b) => b.unitNameZh },
        { label: '地址 Address', value: (b) => b.address },
        { label: '位置 Location', value: (b) => (b.lat === null ? '—' : b.lat + ', ' + b.lon) },
        { label: '电话 Phone', value: (b) => b.phone }
      ],
      actions: (b) => [
        button('编辑 Edit', () => openForm({ id: 'base-edit', title: '编辑仓库 Edit base ' + b.code, values: b, fields: baseFields,
          conflictField: 'code', submit: (v) => api('/api/bases/' + b.id, { method: 'PUT', json: v }),
          done: (r) => { forget('bases'); notice('已保存 Saved: ' + r.nameZh); list.reload(); } })),
        button('管理员 Keepers', async () => {
          const detail = await api('/api/bases/' + b.id);
          openForm({ id: 'base-keepers', title: '仓库管理员 Keepers of ' + b.nameZh, values: { userIds: detail.keepers.map((k) => k.id) },
            fields: [keeperField], submit: (v) => api('/api/bases/' + b.id + '/keepers', { method: 'PUT', json: v }),
            done: (r) => notice('管理员已保存 Keepers saved: ' + (r.keepers.map((k) => k.displayName).join('、') || '无 none')) });
        })
      ]
    });
    body.append(toolbar(h('button', { type: 'button', class: 'primary', id: 'new-base', text: '新建仓库 New base',
      onclick: () => openForm({ id: 'base-new', title: '新建仓库 New base', fields: baseFields.concat([keeperField]), conflictField: 'code',
        submit: async (v) => {
          const keepers = v.userIds || [];
          delete v.userIds;
          const created = await api('/api/bases', { json: v });
          return keepers.length ? api('/api/bases/' + created.id + '/keepers', { method: 'PUT', json: { userIds: keepers } }) : created;
        },
        done: (r) => { forget('bases'); notice('已创建仓库 Base created: ' + r.nameZh); list.reload(); } }) })), list.root);
    return list;
  });

  // Quotas
  const multiplierFields = ['IV', 'III', 'II', 'I'].map((lv, i) => ({ name: 'multipliers.' + lv, type: 'number',
    label: LEVEL_NUMERAL[lv] + ' 级响应倍数 Level ' + lv + ' multiplier', default: [1, 1.2, 1.5, 2][i] }));
  const quotaFields = (edit) => [
    { name: 'baseId', label: '仓库 Base', type: 'select', numeric: true, required: true, readonly: edit,
      options: async () => (await bases()).map((b) => ({ value: b.id, label: b.nameZh + ' ' + b.code })) },
    { name: 'itemId', label: '物资 Item', type: 'select', numeric: true, required: true, readonly: edit,
      options: async () => (await items()).map((i) => ({ value: i.id, label: i.nameZh + ' ' + i.code + ' (' + i.unitOfMeasure + ')' })) },
    { name: 'required', label: '定额数量 Required quantity', type: 'number', required: true },
    ...multiplierFields,
    { name: 'note', label: '备注 Note', wide: true }
  ];
  function saveQuota(b, fixed) {
    const baseId = fixed ? fixed.baseId : b.baseId;
    const itemId = fixed ? fixed.itemId : b.itemId;
    return api('/api/bases/' + baseId + '/quotas/' + itemId, { method: 'PUT',
      json: { required: b.required, multipliers: b.multipliers, note: b.note } });
  }
  section('quotas', '储备定额 Quotas', '每个仓库每种物资的储备定额；应急响应级别提高时按倍数增加。'
    + ' The reserve quota of each item at each base; a higher response level multiplies it.',
  (body) => {
    const list = listView({
      id: 'quotas',
      load: (p) => api('/api/quotas' + query(p)),
      filters: [
        { name: 'baseId', label: '仓库 Base', type: 'select', options: async () => (await bases()).map((b) => ({ value: b.id, label: b.nameZh })) },
        { name: 'itemId', label: '物资 Item', type: 'select', options: async () => (await items()).map((i) => ({ value: i.id, label: i.nameZh + ' ' + i.code })) },
        { name: 'category', label: '类别 Category', type: 'select', options: options(T.category) },
        { name: 'unitId', label: '单位（含下级）Unit and below', type: 'select', ...unitPicker() }],
      sorts: [{ value: 'baseId', label: '仓库 Base' }, { value: 'itemCode', label: '物资代码 Item code' }],
      defaultSort: 'baseId',
      columns: [
        { label: '仓库 Base', value: (q) => q.baseNameZh },
        { label: '物资 Item', value: (q) => q.itemNameZh + ' ' + q.itemCode },
        { label: '类别 Category', value: (q) => T.category[q.category] || q.category },
        { label: '定额 Required', num: true, value: (q) => q.required + ' ' + q.unitOfMeasure },
        { label: '倍数 Multipliers', value: (q) => ['IV', 'III', 'II', 'I'].map((lv) => LEVEL_NUMERAL[lv] + '×' + q.multipliers[lv]).join(' ') },
        { label: '当前需要 Needed now', num: true, value: (q) => q.requiredNow + ' ' + q.unitOfMeasure },
        { label: '更新 Updated', value: (q) => time(q.updatedAt) + (q.updatedBy ? ' ' + q.updatedBy : '') }
      ],
      actions: (q) => [
        button('修改 Edit', () => openForm({ id: 'quota-edit', title: '修改定额 Edit quota: ' + q.baseNameZh + ' · ' + q.itemNameZh,
          values: q, fields: quotaFields(true), submit: (b) => saveQuota(b, q),
          done: () => { notice('定额已保存 Quota saved'); list.reload(); } })),
        button('删除 Delete', () => confirmAction('quota-delete', '删除定额 Delete quota', q.baseNameZh + ' · ' + q.itemNameZh
          + '：删除后不再计算此项的保障率。Coverage is no longer counted for it.', '删除 Delete',
        () => api('/api/bases/' + q.baseId + '/quotas/' + q.itemId, { method: 'DELETE' }),
        () => { notice('定额已删除 Quota deleted'); list.reload(); }), 'danger')
      ]
    });
    body.append(toolbar(h('button', { type: 'button', class: 'primary', id: 'new-quota', text: '设置定额 Set a quota',
      onclick: () => openForm({ id: 'quota-new', title: '设置定额 Set a quota', intro: '已有定额时会被替换。An existing quota for the same base and item is replaced.',
        fields: quotaFields(false), submit: (b) => saveQuota(b),
        done: (r) => { notice('定额已保存 Quota saved: ' + r.baseNameZh + ' · ' + r.itemNameZh + ' ' + r.required + ' ' + r.unitOfMeasure); list.reload(); } }) })),
    list.root);
    return list;
  });

  // Checkpoints
  const RESERVOIR_LEVELS = [['bedLevel', '库底高程 Bed level'], ['deadLevel', '死水位 Dead level'],
    ['normalPoolLevel', '正常蓄水位 Normal pool level'], ['floodHighLevel', '防洪高水位 Flood-control high level'],
    ['designFloodLevel', '设计洪水位 Design flood level'], ['checkFloodLevel', '校核洪水位 Check flood level'],
    ['crestLevel', '坝顶高程 Crest level']];
  const DEPTHS = [['watchCm', '注意 Watch (cm)'], ['attentionCm', '关注 Attention (cm)'],
    ['closeRoadCm', '封路 Close the road (cm)'], ['severeCm', '严重 Severe (cm)']];
  const isReservoir = (b) => b.kind === 'reservoir';
  const isWaterlogging = (b) => b.kind === 'waterlogging';
  const checkpointFields = (edit) => [
    { name: 'code', label: '代码 Code', required: true },
    { name: 'kind', label: '类型 Kind', type: 'select', options: options(T.kind), required: true, readonly: edit, send: true },
    { name: 'nameZh', label: '中文名 Chinese name', required: true },
    { name: 'nameEn', label: '英文名 English name', required: true },
    { name: 'unitId', label: '所属单位 Unit', type: 'select', numeric: true, required: true, ...unitPicker() },
    { name: 'lat', label: '纬度 Latitude', type: 'number', required: true },
    { name: 'lon', label: '经度 Longitude', type: 'number', required: true },
    { name: 'active', label: '启用 Active', type: 'checkbox', default: true },
    ...RESERVOIR_LEVELS.map(([n, l]) => ({ name: 'reservoir.' + n, label: l + ' (m)', type: 'number', required: true, when: isReservoir })),
    { name: 'floodLimits', label: '汛限水位分期 Flood-limit periods', type: 'textarea', when: isReservoir, rows: 3,
      hint: '每行一期：名称, 开始月-日, 结束月-日, 水位 — one period a line: name, MM-DD, MM-DD, level (m)',
      placeholder: '主汛期 main season, 06-01, 08-15, 126.5',
      format: (v) => (v || []).map((p) => [p.name, p.startMd, p.endMd, p.level].join(', ')).join('\n'),
      parse: (raw) => raw.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
        const parts = l.split(/[,，]/).map((s) => s.trim());
        const level = Number(parts[3]);
        return { name: parts[0], startMd: parts[1], endMd: parts[2], level: Number.isFinite(level) && parts[3] !== '' ? level : parts[3] };
      }) },
    { name: 'waterlogging.pointKind', label: '积水点类型 Point kind', type: 'select', options: options(T.pointKind), required: true,
      when: isWaterlogging, hint: '深度阈值留空则用该类型的默认值 empty depths take the defaults of the kind' },
    ...DEPTHS.map(([n, l]) => ({ name: 'waterlogging.' + n, label: l, type: 'number', when: isWaterlogging }))
  ];
  section('checkpoints', '监测点 Checkpoints', '水库和积水点、报警阈值及巡查员和自动监测站。'
    + ' Reservoirs and waterlogging points, their warning thresholds, inspectors and gauges.',
  (body) => {
    const list = listView({
      id: 'checkpoints',
      load: (p) => api('/api/checkpoints' + query(p)),
      filters: [{ name: 'q', label: '搜索 Search', placeholder: '代码或名称 code or name' },
        { name: 'kind', label: '类型 Kind', type: 'select', options: options(T.kind) },
        { name: 'unitId', label: '单位 Unit', type: 'select', ...unitPicker() },
        { name: 'active', label: '状态 Status', type: 'select', options: options(T.active) }],
      sorts: [{ value: 'code', label: '代码 Code' }, { value: 'name', label: '名称 Name' }, { value: 'kind', label: '类型 Kind' }],
      defaultSort: 'code',
      rowClass: (c) => (c.active ? null : 'off'),
      columns: [
        { label: '代码 Code', value: (c) => c.code },
        { label: '名称 Name', value: (c) => c.nameZh },
        { label: '类型 Kind', value: (c) => T.kind[c.kind] + (c.waterlogging ? ' · ' + (T.pointKind[c.waterlogging.pointKind] || '') : '') },
        { label: '单位 Unit', value: (c) => unitName(c.unitId) },
        { label: '阈值 Thresholds', value: (c) => (c.reservoir
          ? '正常 normal ' + c.reservoir.normalPoolLevel + ' · 防洪高 flood high ' + c.reservoir.floodHighLevel + ' · 设计 design ' + c.reservoir.designFloodLevel + ' m'
          : c.waterlogging ? DEPTHS.map(([n, l]) => l.split(' ')[0] + ' ' + c.waterlogging[n]).join(' · ') + ' cm' : '—') },
        { label: '状态 Status', value: (c) => tag(T.active[c.active], c.active ? 'ok' : 'off') }
      ],
      actions: (c) => [
        button('编辑 Edit', async () => {
          const d = await api('/api/checkpoints/' + c.id);
          openForm({ id: 'checkpoint-edit', title: '编辑监测点 Edit checkpoint ' + c.code, values: d, fields: checkpointFields(true),
            intro: '供水服务和阈值覆盖设置保持不变。Services and threshold overrides are kept as they are.',
            conflictField: 'code',
            submit: (b) => api('/api/admin/checkpoints/' + c.id, { method: 'PUT',
              json: Object.assign({ services: d.services, overrides: d.overrides }, b) }),
            done: () => { notice('已保存 Saved: ' + c.nameZh); list.reload(); } });
        }),
        button('巡查员 Inspectors', async () => {
          const d = await api('/api/checkpoints/' + c.id);
          openForm({ id: 'checkpoint-inspectors', title: '巡查员 Inspectors of ' + c.nameZh, values: { userIds: d.inspectors.map((i) => i.id) },
            fields: [{ name: 'userIds', label: '巡查员 Inspectors', type: 'checks', options: () => userOptions('inspector') }],
            submit: (b) => api('/api/admin/checkpoints/' + c.id + '/inspectors', { method: 'PUT', json: b }),
            done: () => notice('巡查员已保存 Inspectors saved: ' + c.nameZh) });
        }),
        button('监测站 Gauges', async () => {
          const d = await api('/api/checkpoints/' + c.id);
          openForm({ id: 'checkpoint-gauges', title: '自动监测站 Gauges of ' + c.nameZh, values: { apiKeyIds: d.gauges.map((g) => g.id) },
            fields: [{ name: 'apiKeyIds', label: '监测站密钥 Gauge keys', type: 'checks',
              options: async () => (await apiKeys()).filter((k) => !k.revokedAt).map((k) => ({ value: k.id, label: k.name + ' ' + k.keyPrefix + '…' })),
              emptyText: '还没有密钥，请先在“监测站密钥”页创建 No keys yet: create one on the Gauge API keys page' }],
            submit: (b) => api('/api/admin/checkpoints/' + c.id + '/gauges', { method: 'PUT', json: b }),
            done: () => notice('监测站已保存 Gauges saved: ' + c.nameZh) });
        })
      ]
    });
    body.append(toolbar(h('button', { type: 'button', class: 'primary', id: 'new-checkpoint', text: '新建监测点 New checkpoint',
      onclick: () => openForm({ id: 'checkpoint-new', title: '新建监测点 New checkpoint', fields: checkpointFields(false), conflictField: 'code',
        submit: (b) => api('/api/admin/checkpoints', { json: b }),
        done: (r) => { notice('已创建监测点 Checkpoint created: ' + r.nameZh); list.reload(); } }) })), list.root);
    return list;
  });

  // Rivers and reaches
  const reachFields = (edit) => [
    !edit && { name: 'riverId', label: '河流 River', type: 'select', numeric: true, required: true,
      options: async () => (await rivers()).map((r) => ({ value: r.id, label: r.nameZh + ' ' + r.nameEn })) },
    !edit && { name: 'code', label: '代码 Code', required: true },
    { name: 'nameZh', label: '中文名 Chinese name', required: !edit },
    { name: 'nameEn', label: '英文名 English name', required: !edit },
    { name: 'unitId', label: '所属单位 Unit', type: 'select', numeric: true, required: !edit, ...unitPicker() },
    { name: 'chiefLevel', label: '河长级别 Chief level', type: 'select', options: options(T.chiefLevel), required: !edit },
    { name: 'chiefUserId', label: '河长 River chief', type: 'select', numeric: true, options: () => userOptions('river_chief') },
    !edit && { name: 'geometry', label: '河段走向 Course of the reach', type: 'textarea', required: true, rows: 4,
      hint: '每行一个点：经度, 纬度（至少两点）— one point a line: lon, lat (at least two)',
      placeholder: '113.760, 34.700\n113.772, 34.708',
      parse: (raw) => ({ type: 'LineString', coordinates: raw.split('\n').map((l) => l.trim()).filter(Boolean)
        .map((l) => l.split(/[,，\s]+/).map((x) => (Number.isFinite(Number(x)) ? Number(x) : x))) }) }
  ].filter(Boolean);
  section('rivers', '河流河段 Rivers and reaches', '河流、河段及其河长；河长只看到自己的河段。'
    + ' Rivers, their reaches and chiefs; a chief sees only his own reaches.',
  (body) => {
    const riverList = listView({
      id: 'rivers',
      load: async () => { forget('rivers'); return rivers(); },
      columns: [
        { label: '代码 Code', value: (r) => r.code },
        { label: '名称 Name', value: (r) => r.nameZh + ' ' + r.nameEn },
        { label: '河段数 Reaches', num: true, value: (r) => r.reaches },
        { label: '长度 Length', num: true, value: (r) => (r.lengthM / 1000).toFixed(1) + ' km' }
      ]
    });
    const reachList = listView({
      id: 'reaches',
      load: (p) => api('/api/reaches' + query(p)),
      filters: [{ name: 'q', label: '搜索 Search', placeholder: '代码或名称 code or name' },
        { name: 'riverId', label: '河流 River', type: 'select', options: async () => (await rivers()).map((r) => ({ value: r.id, label: r.nameZh })) },
        { name: 'unitId', label: '单位 Unit', type: 'select', ...unitPicker() },
        { name: 'chiefId', label: '河长 Chief', type: 'select', options: () => userOptions('river_chief') },
        { name: 'chiefLevel', label: '河长级别 Chief level', type: 'select', options: options(T.chiefLevel) }],
      sorts: [{ value: 'code', label: '代码 Code' }, { value: 'nameZh', label: '名称 Name' }, { value: 'unitId', label: '单位 Unit' },
        { value: 'chiefLevel', label: '河长级别 Chief level' }],
      defaultSort: 'code',
      columns: [
        { label: '代码 Code', value: (r) => r.code },
        { label: '名称 Name', value: (r) => r.nameZh },
        { label: '河流 River', value: (r) => r.riverNameZh },
        { label: '单位 Unit', value: (r) => r.unitNameZh },
        { label: '河长 Chief', value: (r) => r.chiefName || h('span', { class: 'tag off', text: '未指定 none' }) },
        { label: '河长级别 Chief level', value: (r) => T.chiefLevel[r.chiefLevel] || r.chiefLevel },
        { label: '长度 Length', num: true, value: (r) => (r.lengthM / 1000).toFixed(2) + ' km' }
      ],
      actions: (r) => [button('编辑 Edit', () => openForm({ id: 'reach-edit', title: '编辑河段 Edit reach ' + r.code, values: r,
        fields: reachFields(true), submit: (b) => api('/api/reaches/' + r.id, { method: 'PATCH', json: b }),
        done: (x) => { notice('已保存 Saved: ' + x.nameZh); reachList.reload(); } }))]
    });
    body.append(toolbar(
      h('button', { type: 'button', class: 'primary', id: 'new-river', text: '新建河流 New river',
        onclick: () => openForm({ id: 'river-new', title: '新建河流 New river', conflictField: 'code',
          fields: [{ name: 'code', label: '代码 Code', required: true }, { name: 'nameZh', label: '中文名 Chinese name', required: true },
            { name: 'nameEn', label: '英文名 English name', required: true }],
          submit: (b) => api('/api/rivers', { json: b }),
          done: (r) => { forget('rivers'); notice('已创建河流 River created: ' + r.nameZh); riverList.reload(); } }) }),
      h('button', { type: 'button', class: 'primary', id: 'new-reach', text: '新建河段 New reach',
        onclick: () => openForm({ id: 'reach-new', title: '新建河段 New reach', fields: reachFields(false), conflictField: 'code',
          submit: (b) => api('/api/reaches', { json: b }),
          done: (r) => { forget('rivers'); notice('已创建河段 Reach created: ' + r.nameZh); reachList.reload(); riverList.reload(); } }) })),
    h('h3', { text: '河流 Rivers' }), riverList.root, h('h3', { class: 'sub', text: '河段 Reaches' }), reachList.root);
    return { reload: () => { riverList.reload(); reachList.reload(); } };
  });

  // ---------- navigation ----------
  function buildNav() {
    const nav = $('nav');
    nav.innerHTML = '';
    for (const s of Object.values(SECTIONS)) {
      nav.append(h('a', { href: '#' + s.id, id: 'nav-' + s.id, text: s.title }));
    }
  }

  function route() {
    const id = (location.hash || '#users').slice(1);
    const s = SECTIONS[id] || SECTIONS.users;
    if (current === s.id) return;
    current = s.id;
    document.querySelectorAll('#nav a').forEach((a) => a.toggleAttribute('aria-current', a.id === 'nav-' + s.id));
    document.querySelectorAll('#nav a[aria-current]').forEach((a) => a.setAttribute('aria-current', 'page'));
    $('section-title').textContent = s.title;
    $('section-note').textContent = s.note;
    $('notice').hidden = true;
    closeForm();
    const body = $('section-body');
    body.innerHTML = '';
    body.dataset.section = s.id;
    s.render(body).reload();
  }

  // ---------- login and who may enter ----------
  function showLogin(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    current = null;
    cache.clear();
    $('app').hidden = true;
    $('forbidden').hidden = true;
    $('login').hidden = false;
    $('password').value = '';
    $('login-error').textContent = message || '';
  }

  function enter(user) {
    $('login').hidden = true;
    if (user.role !== 'admin') {
      // Nothing else is asked of the server: a non-admin would only collect 403s.
      $('app').hidden = true;
      $('forbidden').hidden = false;
      $('forbidden-who').textContent = '当前登录 Logged in as: ' + (user.displayName || user.username)
        + '（' + (T.role[user.role] || user.role) + '）';
      return;
    }
    $('forbidden').hidden = true;
    $('app').hidden = false;
    $('user-name').textContent = user.displayName || user.username;
    buildNav();
    current = null;
    route();
  }

  async function login(ev) {
    ev.preventDefault();
    $('login-error').textContent = '';
    try {
      const r = await api('/api/auth/login', { json: { username: $('username').value, password: $('password').value } });
      sessionStorage.setItem(TOKEN_KEY, r.token);
      sessionStorage.setItem(USER_KEY, JSON.stringify(r.user));
      enter(r.user);
    } catch (e) {
      $('login-error').textContent = e.status === 429 ? '尝试次数过多，请稍后再试 Too many attempts, wait a moment'
        : e.status === 401 || e.status === 400 ? '用户名或密码错误，或账号已停用 Wrong username or password, or the account is disabled'
          : '登录失败 Login failed: ' + e.message;
    }
  }

  function logout() {
    fetch('/api/auth/logout', { method: 'POST' }).catch(() => {});
    showLogin('');
  }

  async function start() {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('forbidden-logout').addEventListener('click', logout);
    window.addEventListener('hashchange', () => { if (!$('app').hidden) route(); });
    if (!token()) { showLogin(''); return; }
    try {
      const me = await api('/api/auth/me');
      sessionStorage.setItem(USER_KEY, JSON.stringify(me));
      enter(me);
    } catch (e) {
      if (e.message !== 'unauthorized') showLogin('无法连接服务器 Cannot reach the server: ' + e.message);
    }
  }

  start();
}());
