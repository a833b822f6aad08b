/* FloodReady duty roster: a week or a month of shifts per district, the shift editor, copy last week and
   the handover log. Plain JavaScript; the login is the board's (same session storage). */
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const token = () => sessionStorage.getItem('floodready.token');
  const me = () => JSON.parse(sessionStorage.getItem('floodready.user') || '{}');
  const ZONE = 'Asia/Shanghai';
  const ROLES = { admin: '管理员 admin', duty_officer: '值班员 duty officer', viewer: '查看 viewer', inspector: '巡查员 inspector',
    river_chief: '河长 river chief', base_keeper: '仓库管理员 keeper', gauge: '水位计 gauge' };
  const WEEKDAYS = ['日 Sun', '一 Mon', '二 Tue', '三 Wed', '四 Thu', '五 Fri', '六 Sat'];
  const state = { people: [], byId: new Map(), shifts: [], editing: null, key: null };

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.headers = Object.assign({ Accept: 'application/json', Authorization: 'Bearer ' + token() }, opts.headers);
    if (opts.json !== undefined) {
      opts.method = opts.method || 'POST';
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(opts.json);
      delete opts.json;
    }
    if (opts.key) { opts.headers['Idempotency-Key'] = opts.key; delete opts.key; }
    const res = await fetch(path, opts);
    if (res.status === 401) { sessionStorage.removeItem('floodready.token'); location.assign('/'); throw new Error('unauthorized'); }
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
    if (!res.ok) {
      const err = new Error((body && body.message) || 'HTTP ' + res.status);
      err.status = res.status;
      err.body = body || {};
      throw err;
    }
    return body;
  }

  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  const addDays = (iso, n) => { const d = new Date(iso + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
  const monday = (iso) => { const d = new Date(iso + 'T00:00:00Z'); return addDays(iso, -((d.getUTCDay() + 6) % 7)); };
  const weekday = (iso) => WEEKDAYS[new Date(iso + 'T00:00:00Z').getUTCDay()];
  const name = (id) => { const p = state.byId.get(id); return p ? (p.displayName || p.username) : '#' + id; };
  function fmtTime(iso) {
    if (!iso) return '—';
    const p = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso)).forEach((x) => { p[x.type] = x.value; });
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }
  const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());

  function status(text, error) {
    $('status').textContent = text || '';
    $('status').classList.toggle('bad', !!error);
  }

  /** The server's field errors next to their fields; the rest in the form's line. */
  function showErrors(form, line, e) {
    form.querySelectorAll('[data-error]').forEach((el) => { el.textContent = ''; });
    form.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    const fields = (e.body && e.body.fields) || {};
    let placed = false;
    for (const [key, message] of Object.entries(fields)) {
      const el = form.querySelector('[data-error="' + key.replace(/\[\d+\]$/, '') + '"]');
      if (!el) continue;
      el.textContent = message;
      const input = form.querySelector('[name="' + key.replace(/\[\d+\]$/, '') + '"]');
      if (input) input.classList.add('invalid');
      placed = true;
    }
    line.textContent = placed ? '请修改标出的项 Please correct the marked fields' : (e.message || '保存失败 Not saved');
  }

  function clearErrors(form, line) {
    form.querySelectorAll('[data-error]').forEach((el) => { el.textContent = ''; });
    form.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    line.textContent = '';
  }

  // ---------- shifts ----------
  const unitId = () => Number($('unit').value);
  const span = () => Number($('span').value);

  async function loadShifts() {
    const from = $('from').value;
    const to = addDays(from, span() - 1);
    const r = await api('/api/duty/shifts?unitId=' + unitId() + '&from=' + from + '&to=' + to);
    state.shifts = r.items || [];
    $('range').textContent = from + ' — ' + to;
    const box = $('shifts');
    if (!state.shifts.length) {
      box.innerHTML = '<p class="muted" id="no-shifts">这段时间没有排班 No shifts in this period</p>';
      return;
    }
    box.innerHTML = '<ul class="shift-list">' + state.shifts.map((s) => '<li class="shift" data-id="' + s.id + '">'
      + '<div class="when"><strong>' + esc(s.date) + ' ' + esc(weekday(s.date)) + '</strong> ' + esc(s.start) + '–' + esc(s.end)
      + (s.overnight ? ' <span class="tag">跨夜 overnight</span>' : '') + '</div>'
      + '<div class="who">值班员 Officers: ' + s.officerIds.map((id) => esc(name(id))).join('、')
      + (s.leaderUserId ? '<br>带班领导 Leader on call: ' + esc(name(s.leaderUserId)) : '') + '</div>'
      + (s.note ? '<div class="muted">' + esc(s.note) + '</div>' : '')
      + '<div class="row-buttons"><button class="button edit" type="button">编辑 Edit</button>'
      + '<button class="button delete" type="button">删除 Delete</button></div></li>').join('') + '</ul>';
    box.querySelectorAll('li.shift').forEach((li) => {
      const shift = state.shifts.find((s) => s.id === Number(li.dataset.id));
      li.querySelector('.edit').addEventListener('click', () => openEditor(shift));
      li.querySelector('.delete').addEventListener('click', () => deleteShift(shift));
    });
  }

  function openEditor(shift) {
    state.editing = shift || null;
    state.key = newKey();
    const form = $('shift-form');
    clearErrors(form, $('form-error'));
    $('editor-title').textContent = shift ? '编辑班次 Edit the shift' : '新增班次 Add a shift';
    form.date.value = shift ? shift.date : $('from').value;
    form.start.value = shift ? shift.start : '08:00';
    form.end.value = shift ? shift.end : '08:00';
    form.note.value = shift ? (shift.note || '') : '';
    form.leaderUserId.value = shift && shift.leaderUserId ? String(shift.leaderUserId) : '';
    const chosen = new Set(shift ? shift.officerIds : []);
    $('officers').querySelectorAll('input').forEach((c) => { c.checked = chosen.has(Number(c.value)); });
    $('shift-editor').hidden = false;
    $('shift-editor').scrollIntoView({ block: 'start' });
  }

  async function saveShift(ev) {
    ev.preventDefault();
    const form = $('shift-form');
    const body = {
      unitId: unitId(), date: form.date.value, start: form.start.value, end: form.end.value,
      officerIds: [...$('officers').querySelectorAll('input:checked')].map((c) => Number(c.value))
    };
    if (form.leaderUserId.value) body.leaderUserId = Number(form.leaderUserId.value);
    if (form.note.value.trim()) body.note = form.note.value.trim();
    try {
      if (state.editing) {
        await api('/api/duty/shifts/' + state.editing.id, { method: 'PUT', json: body });
      } else {
        await api('/api/duty/shifts', { json: body, key: state.key });
      }
      $('shift-editor').hidden = true;
      status(state.editing ? '已保存 Saved' : '已新增班次 Shift added');
      await loadShifts();
    } catch (e) {
      showErrors(form, $('form-error'), e);
    }
  }

  async function deleteShift(shift) {
    if (!confirm('删除 ' + shift.date + ' ' + shift.start + '–' + shift.end + ' 的班次？ Delete this shift?')) return;
    try {
      await api('/api/duty/shifts/' + shift.id, { method: 'DELETE' });
      status('已删除 Deleted');
      await loadShifts();
    } catch (e) {
      status(e.message, true);
    }
  }

  async function copyWeek() {
    const weekStart = monday($('from').value);
    try {
      const r = await api('/api/duty/shifts/copy-week', { json: { unitId: unitId(), weekStart }, key: newKey() });
      status('已复制上周 ' + r.copied + ' 个班次到 ' + weekStart + ' 起的一周 Copied ' + r.copied + ' shifts into the week from ' + weekStart);
      $('from').value = weekStart;
      await loadShifts();
    } catch (e) {
      status(e.body && e.body.error === 'week_not_empty' ? '本周已有排班，请先删除 This week already has shifts; delete them first'
        : e.body && e.body.error === 'nothing_to_copy' ? '上周没有排班可复制 Last week has no shifts to copy' : e.message, true);
    }
  }

  // ---------- handovers ----------
  async function loadHandovers() {
    const r = await api('/api/duty/handovers?unitId=' + unitId() + '&limit=20');
    const list = $('handovers');
    if (!(r.items || []).length) {
      list.innerHTML = '<li class="muted">暂无交接班记录 No handovers yet</li>';
      return;
    }
    list.innerHTML = r.items.map((h) => '<li class="handover" data-id="' + h.id + '"><div class="meta">'
      + esc(fmtTime(h.writtenAt)) + ' 交班 by ' + esc(h.writtenByName) + '</div><p class="open-items">' + esc(h.openItems) + '</p>'
      + (h.confirmed
        ? '<div class="confirmed">已接班确认 Confirmed by ' + esc(h.confirmedByName) + ' · ' + esc(fmtTime(h.confirmedAt))
          + (h.confirmNote ? ' — ' + esc(h.confirmNote) : '') + '</div>'
        : h.writtenBy === me().id
          ? '<div class="muted">待接班人确认 Waiting for the incoming officer</div>'
          : '<div class="confirm-row"><input class="confirm-note" maxlength="1000" placeholder="接班说明（可选） Note (optional)">'
            + '<button class="button primary confirm" type="button">确认接班 Confirm</button><span class="field-error"></span></div>')
      + '</li>').join('');
    list.querySelectorAll('li.handover').forEach((li) => {
      const b = li.querySelector('button.confirm');
      if (b) b.addEventListener('click', () => confirmHandover(li));
    });
  }

  async function writeHandover(ev) {
    ev.preventDefault();
    const form = $('handover-form');
    clearErrors(form, $('handover-error'));
    try {
      await api('/api/duty/handovers', { json: { unitId: unitId(), openItems: form.openItems.value }, key: newKey() });
      form.openItems.value = '';
      status('交班记录已写入 Handover written');
      await loadHandovers();
    } catch (e) {
      showErrors(form, $('handover-error'), e);
    }
  }

  async function confirmHandover(li) {
    const note = li.querySelector('.confirm-note').value.trim();
    try {
      await api('/api/duty/handovers/' + li.dataset.id + '/confirm', { json: note ? { note } : {} });
      status('已确认接班 Handover confirmed');
      await loadHandovers();
    } catch (e) {
      li.querySelector('.field-error').textContent = e.message;
    }
  }

  // ---------- start ----------
  async function reload() {
    status('');
    await Promise.all([loadShifts(), loadHandovers()]);
  }

  async function start() {
    const user = me();
    if (!token() || !['admin', 'duty_officer'].includes(user.role)) {
      $('need-login').hidden = false;
      return;
    }
    $('user-name').textContent = user.displayName || user.username || '';
    // rosters are kept by city and district: the two upper levels only (a province's 50,000 units are paged)
    const [cities, districts, contacts] = await Promise.all([api('/api/units?level=city&size=500'),
      api('/api/units?level=district&size=500'), api('/api/duty/contacts')]);
    const rosterUnits = [...(cities.items || []), ...(districts.items || [])];
    $('unit').innerHTML = rosterUnits.map((u) => '<option value="' + u.id + '">' + esc(u.nameZh) + (u.nameEn ? ' ' + esc(u.nameEn) : '') + '</option>').join('');
    const mine = rosterUnits.find((u) => u.id === user.unitId);
    if (mine) $('unit').value = String(mine.id);
    state.people = (contacts.items || []).filter((p) => p.role !== 'gauge');
    state.people.forEach((p) => state.byId.set(p.id, p));
    const label = (p) => (p.displayName || p.username) + ' · ' + (ROLES[p.role] || p.role);
    $('officers').innerHTML = state.people.map((p) => '<label class="check"><input type="checkbox" value="' + p.id + '"> '
      + esc(label(p)) + '</label>').join('');
    document.querySelector('#shift-form [name=leaderUserId]').innerHTML = '<option value="">（无 none）</option>'
      + state.people.map((p) => '<option value="' + p.id + '">' + esc(label(p)) + '</option>').join('');
    $('from').value = monday(today());
    $('roster').hidden = false;
    await reload();
    document.body.dataset.ready = 'true';
  }

  $('unit').addEventListener('change', reload);
  $('from').addEventListener('change', () => loadShifts());
  $('span').addEventListener('change', () => loadShifts());
  $('prev').addEventListener('click', () => { $('from').value = addDays($('from').value, -span()); loadShifts(); });
  $('next').addEventListener('click', () => { $('from').value = addDays($('from').value, span()); loadShifts(); });
  $('copy-week').addEventListener('click', copyWeek);
  $('add-shift').addEventListener('click', () => openEditor(null));
  $('shift-cancel').addEventListener('click', () => { $('shift-editor').hidden = true; });
  $('shift-form').addEventListener('submit', saveShift);
  $('handover-form').addEventListener('submit', writeHandover);
  start().catch((e) => status(e.message, true));
})();
