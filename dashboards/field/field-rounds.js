/* FloodReady field app, inspection rounds (汛前检查 / 督导检查): pick a site, answer its checklist with big
   ok / problem buttons (note and photo for a problem), close. The whole round is kept on the phone while it
   is walked and goes out as one outbox entry: open, answers, photos, close, each step with its own
   Idempotency-Key derived from the entry's, so a retry after a lost answer never books twice. */
(function () {
  'use strict';
  const FR = window.FR;
  const esc = FR.esc;
  FR.views = FR.views || {};

  FR.T.siteKind = { base: '物资仓库 Supply base', reservoir: '水库 Reservoir', waterlogging: '易涝点 Waterlogging point',
    reach: '河段 River reach' };
  /** The kinds a role inspects: a river chief his reaches, an inspector bases and his checkpoints. */
  function kinds() {
    const role = FR.role();
    if (role === 'river_chief') return ['reach'];
    if (role === 'inspector') return ['base', 'reservoir', 'waterlogging'];
    return ['base', 'reservoir', 'waterlogging', 'reach'];
  }
  const KEY = 'round';

  FR.views.rounds = async (view, kind) => {
    const all = kinds();
    const chosen = all.includes(kind) ? kind : all[0];
    const [sites, recent, current] = await Promise.all([FR.get('/api/inspection-sites?siteKind=' + chosen),
      FR.get('/api/inspection-rounds?siteKind=' + chosen), FR.db.get('patrol', KEY)]);
    view.innerHTML = FR.head('检查 Inspection rounds', null, sites.__keptAt)
      + (current ? '<a class="banner" href="#round/' + current.siteKind + '/' + current.siteId + '">检查进行中 Round in progress · '
        + esc(current.siteNameZh) + ' · 继续 continue ›</a>' : '')
      + (all.length > 1 ? '<div class="seg" role="tablist">' + all.map((k) => '<button type="button" data-kind="' + k + '" class="'
        + (k === chosen ? 'on' : '') + '">' + esc(FR.t('siteKind', k)) + '</button>').join('') + '</div>' : '')
      + '<h2>选择地点 Choose a site</h2><ul class="list">' + sites.items.map((s) => '<li><a class="card site" href="#round/'
        + chosen + '/' + s.siteId + '" data-site="' + s.siteId + '"><b>' + esc(s.nameZh) + '</b><span class="muted">' + esc(s.nameEn)
        + '</span><span class="button primary">开始检查 Start round</span></a></li>').join('') + '</ul>'
      + (sites.items.length ? '' : '<p class="muted">没有可检查的地点 No site to inspect</p>')
      + '<h2>最近检查 Recent rounds</h2><ul class="list">' + recent.items.slice(0, 20).map((r) => '<li class="card" data-round="' + r.id + '">'
        + '<div class="item-head"><b>' + esc(r.siteNameZh) + '</b> <span class="chip ' + (r.problems ? 'no' : 'ok') + '">'
        + (r.status === 'open' ? '进行中 open' : r.problems ? '问题 ' + r.problems + ' problems' : '全部正常 all ok') + '</span></div>'
        + '<small>' + esc(FR.time(r.openedAt)) + ' · ' + esc(r.openerName) + '</small></li>').join('') + '</ul>'
      + (recent.items.length ? '' : '<p class="muted">还没有检查 No rounds yet</p>') + FR.meBlock();
    view.querySelectorAll('[data-kind]').forEach((b) => b.addEventListener('click', () => FR.go('#rounds/' + b.dataset.kind)));
  };

  /** The site's last rounds and what they found, drawn into `into` when they arrive (the page does not wait). */
  FR.siteRounds = async (kind, siteId, into) => {
    try {
      const list = await FR.get('/api/inspection-rounds?siteKind=' + kind + '&siteId=' + siteId);
      into.innerHTML = '<h2>检查记录 Inspection rounds</h2>'
        + (FR.can.inspect() ? '<a class="button" href="#round/' + kind + '/' + siteId + '">开始检查 Start round</a>' : '')
        + (list.items.length ? '<ul class="list">' + list.items.slice(0, 5).map((r) => '<li class="card" data-round="' + r.id + '">'
          + '<div class="item-head"><b>' + esc(FR.time(r.closedAt || r.openedAt)) + '</b> <span class="chip ' + (r.problems ? 'no' : 'ok') + '">'
          + (r.status === 'open' ? '进行中 open' : r.problems ? '问题 ' + r.problems + ' problems' : '全部正常 all ok') + '</span></div>'
          + '<small>' + esc(r.openerName) + '</small></li>').join('') + '</ul>' : '<p class="muted">还没有检查 No rounds yet</p>');
    } catch (e) { /* the rounds are extra; the site itself is shown */ }
  };

  FR.views.round = async (view, kind, siteId) => {
    let round = await FR.db.get('patrol', KEY);
    if (round && (round.siteKind !== kind || String(round.siteId) !== String(siteId))) {
      view.innerHTML = FR.head('检查 Round', '#rounds') + '<p class="error">另一处检查还没结束 Another round is still open: '
        + esc(round.siteNameZh) + '</p><a class="button primary" href="#round/' + round.siteKind + '/' + round.siteId + '">继续 Continue</a>';
      return;
    }
    if (!round) {
      const [checklist, sites] = await Promise.all([FR.get('/api/inspection-checklists/' + kind),
        FR.get('/api/inspection-sites?siteKind=' + kind)]);
      const site = sites.items.find((s) => String(s.siteId) === String(siteId));
      if (!site) throw new Error('不能检查这个地点 You may not inspect this site');
      round = { id: KEY, siteKind: kind, siteId: Number(siteId), siteNameZh: site.nameZh, startedAt: new Date().toISOString(),
        items: checklist.items.map((i) => ({ position: i.position, textZh: i.textZh, textEn: i.textEn, result: null,
          severity: 'medium', note: '' })) };
      await FR.db.put('patrol', round);
    }
    const save = () => FR.db.put('patrol', round);
    function draw() {
      view.innerHTML = FR.head('检查 Round<small>' + esc(FR.t('siteKind', kind)) + ' · ' + esc(round.siteNameZh) + '</small>', '#rounds')
        + '<form id="round-form" class="form" novalidate><ol class="list checklist">' + round.items.map((it) => {
          const p = it.position;
          return '<li class="check' + (it.result ? ' ' + it.result : '') + '" data-item="' + p + '"><div class="item-head"><b>' + p + '. '
            + esc(it.textZh) + '</b><small>' + esc(it.textEn) + '</small></div>'
            + '<div class="answer"><button type="button" class="ok' + (it.result === 'ok' ? ' on' : '') + '" data-answer="ok">✓ 正常 OK</button>'
            + '<button type="button" class="problem' + (it.result === 'problem' ? ' on' : '') + '" data-answer="problem">✗ 有问题 Problem</button></div>'
            + (it.result === 'problem' ? '<label>问题说明 What is wrong <textarea name="note-' + p + '" rows="2" maxlength="1000" required>'
              + esc(it.note) + '</textarea></label>'
              + '<label>严重程度 Severity <select name="severity-' + p + '">' + ['low', 'medium', 'high'].map((k) => '<option value="' + k + '"'
                + (it.severity === k ? ' selected' : '') + '>' + esc(FR.t('severity', k)) + '</option>').join('') + '</select></label>'
              + '<label>照片 Photo <input type="file" name="photo-' + p + '" accept="image/*" capture="environment"></label>'
              + (it.photo ? '<small class="good">已拍照 Photo taken · ' + Math.round(it.photo.size / 1024) + ' KB</small>' : '') : '')
            + '</li>';
        }).join('') + '</ol>'
        + '<button type="submit" class="primary big-button">结束检查并提交 Close round &amp; send</button>'
        + '<p class="result" role="status"></p></form>'
        + '<button type="button" class="ghost" id="round-drop">放弃本次检查 Discard this round</button>';
      view.querySelectorAll('[data-answer]').forEach((b) => b.addEventListener('click', async () => {
        const it = round.items.find((i) => String(i.position) === b.closest('[data-item]').dataset.item);
        it.result = b.dataset.answer;
        await save(); draw();
        if (it.result === 'problem') {
          const note = view.querySelector('[name="note-' + it.position + '"]');
          if (note) note.focus();
        }
      }));
      view.querySelectorAll('textarea[name^=note-]').forEach((t) => t.addEventListener('input', () => {
        round.items.find((i) => 'note-' + i.position === t.name).note = t.value; save();
      }));
      view.querySelectorAll('select[name^=severity-]').forEach((s) => s.addEventListener('change', () => {
        round.items.find((i) => 'severity-' + i.position === s.name).severity = s.value; save();
      }));
      view.querySelectorAll('input[name^=photo-]').forEach((f) => f.addEventListener('change', async () => {
        round.items.find((i) => 'photo-' + i.position === f.name).photo = f.files[0] || null;
        await save(); draw();
      }));
      FR.$('round-form').addEventListener('submit', close);
      FR.$('round-drop').addEventListener('click', async () => {
        if (!confirm('放弃本次检查？ Discard this round?')) return;
        await FR.db.del('patrol', KEY); FR.go('#rounds/' + kind);
      });
    }
    async function close(ev) {
      ev.preventDefault();
      const form = FR.$('round-form');
      const out = form.querySelector('.result');
      const missing = round.items.filter((i) => !i.result);
      if (missing.length) {
        out.className = 'result error';
        out.textContent = '还有未检查的项目 Not answered yet: ' + missing.map((i) => i.position + '. ' + i.textZh).join('、');
        return;
      }
      if (!FR.checkForm(form)) return;
      const steps = [];
      round.items.forEach((i) => {
        steps.push({ method: 'PUT', path: '/api/inspection-rounds/{id}/items/' + i.position,
          json: i.result === 'ok' ? { result: 'ok' } : { result: 'problem', severity: i.severity, note: i.note.trim() } });
        if (i.result === 'problem' && i.photo) {
          steps.push({ path: '/api/inspection-rounds/{id}/items/' + i.position + '/photo', blob: i.photo,
            contentType: i.photo.type || 'image/jpeg' });
        }
      });
      steps.push({ path: '/api/inspection-rounds/{id}/close', json: {} });
      const problems = round.items.filter((i) => i.result === 'problem').length;
      const entry = await FR.enqueue({ label: '检查 Round · ' + round.siteNameZh + ' · 问题 ' + problems + ' problems',
        path: '/api/inspection-rounds', json: { siteKind: kind, siteId: round.siteId }, then: steps });
      await FR.db.del('patrol', KEY);
      view.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      const done = await FR.settled(entry.id, 10000);
      // The answered sheet is gone from the phone; what is left to show is the outcome, at the top.
      view.innerHTML = FR.head('检查 Round<small>' + esc(FR.t('siteKind', kind)) + ' · ' + esc(round.siteNameZh) + '</small>', '#rounds/' + kind)
        + '<form id="round-form" class="form"><p class="result" role="status"></p>'
        + '<ul class="list">' + round.items.map((i) => '<li class="check ' + i.result + '"><b>' + i.position + '. ' + esc(i.textZh) + '</b>'
          + '<small>' + (i.result === 'ok' ? '✓ 正常 OK' : '✗ 有问题 Problem · ' + esc(FR.t('severity', i.severity)) + ' · ' + esc(i.note)) + '</small></li>').join('')
        + '</ul><a class="button primary" href="#rounds/' + kind + '">返回检查 Back to rounds</a></form>';
      const shown = view.querySelector('.result');
      if (done.status === 'sent') {
        const closed = done.done[done.done.length - 1] || {};
        shown.className = 'result good';
        shown.textContent = '已提交 Sent · 检查 Round #' + done.result.id + ' · '
          + (problems ? '生成隐患 ' + (closed.hazardIds || []).length + ' 条，已交办属地单位 hazards assigned to the site\'s unit' : '全部正常 all ok');
      } else if (done.status === 'refused') {
        shown.className = 'result error'; shown.textContent = done.error;
      } else {
        shown.className = 'result warn'; shown.textContent = '已保存在手机上，联网后自动发送 Saved on the phone; it is sent when the network is back';
      }
    }
    draw();
  };
})();
