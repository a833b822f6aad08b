/* FloodReady field app, incidents (险情): report one with kind, severity, GPS position, note and photo (queued in
   the outbox like every other report), and the open incidents of the user's units, nearest first. */
(function () {
  'use strict';
  const FR = window.FR;
  const esc = FR.esc;
  FR.views = FR.views || {};

  Object.assign(FR.T, {
    incidentKind: { piping: '管涌 piping', seepage: '渗水 seepage', overtopping: '漫溢 overtopping', breach: '决口 breach',
      slope_slide: '滑坡 slope slide', waterlogging: '内涝积水 waterlogging', structure_damage: '建筑物损坏 structure damage',
      other: '其他 other' },
    incidentSeverity: { low: '一般 low', medium: '较大 medium', high: '重大 high', critical: '特别重大 critical' },
    incidentLog: { report: '上报 reported', note: '补充情况 note', photo: '照片 photo', team_dispatched: '派出队伍 team sent',
      team_stood_down: '队伍撤回 team stood down' },
    incidentStatus: { reported: '已上报 reported', responding: '处置中 responding', under_control: '已控制 under control',
      closed: '已结束 closed' }
  });

  /** The phone's position, or null when it has none within a few seconds. */
  function position(timeoutMs) {
    return new Promise((resolve) => {
      if (!navigator.geolocation) { resolve(null); return; }
      navigator.geolocation.getCurrentPosition(
        (p) => resolve({ lat: +p.coords.latitude.toFixed(6), lon: +p.coords.longitude.toFixed(6) }),
        () => resolve(null), { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60000 });
    });
  }

  function km(a, b) {
    const rad = Math.PI / 180;
    const h = Math.sin((b.lat - a.lat) * rad / 2) ** 2
      + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin((b.lon - a.lon) * rad / 2) ** 2;
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  }

  FR.views.incidents = async (view) => {
    const [list, here] = await Promise.all([FR.get('/api/incidents?size=100&open=true&sort=-reportedAt'), position(3000)]);
    const items = list.items.map((i) => Object.assign({ km: here ? km(here, i) : null }, i));
    if (here) items.sort((a, b) => a.km - b.km);
    const canReport = ['river_chief', 'inspector', 'duty_officer', 'admin'].includes(FR.role());
    view.innerHTML = FR.head('险情 Incidents', null, list.__keptAt)
      + (canReport ? '<div class="actions"><a class="button primary" id="incident-new" href="#incident-new">上报险情 Report incident</a></div>' : '')
      + '<p class="muted">' + (here ? '未结束的险情，由近及远 Open incidents, nearest first' : '未结束的险情，最新在前 Open incidents, newest first') + '</p>'
      + '<ul class="list">' + items.map((i) => '<li><a class="card incident" href="#incident/' + i.id + '" data-incident="' + i.id + '">'
        + '<div class="item-head"><b>' + esc(i.title) + '</b> <span class="chip isev-' + esc(i.severity) + '">' + esc(FR.t('incidentSeverity', i.severity)) + '</span>'
        + ' <span class="chip">' + esc(FR.t('incidentStatus', i.status)) + '</span></div>'
        + '<span>' + esc(FR.t('incidentKind', i.kind)) + ' · ' + esc(i.reachNameZh || i.unitNameZh || '') + '</span>'
        + '<small>' + esc(FR.ago(i.reportedAt)) + (i.km != null ? ' · ' + i.km.toFixed(1) + ' km' : '')
        + (i.teamsDeployed ? ' · 队伍 teams ' + i.teamsDeployed : '') + '</small></a></li>').join('') + '</ul>'
      + (items.length ? '' : '<p class="muted">没有未结束的险情 No open incidents</p>') + FR.meBlock();
  };

  function logText(l) {
    const team = l.detail && l.detail.teamName ? '：' + l.detail.teamName : '';
    return (l.kind === 'status' ? '状态 status → ' + FR.t('incidentStatus', l.status) : FR.t('incidentLog', l.kind)) + team;
  }

  /** The requests filed for the incident with their status; chiefs and inspectors ask for more from here. */
  function requestsBlock(i) {
    const me = (FR.user() || {}).username;
    const opens = ['duty_officer', 'admin', 'viewer'].includes(FR.role());
    const canAsk = i.status !== 'closed' && ['river_chief', 'inspector', 'duty_officer', 'admin'].includes(FR.role());
    const line = (l) => esc(l.itemNameZh) + ' ' + FR.qty(l.quantity, l.unitOfMeasure)
      + (l.approvedQuantity != null ? ' · 批准 approved ' + FR.qty(l.approvedQuantity, l.unitOfMeasure) : '')
      + (l.received != null ? ' · 已收 received ' + FR.qty(l.received, l.unitOfMeasure) : '')
      + (Number(l.shortage) > 0 ? ' · <span class="error">短少 short ' + FR.qty(l.shortage, l.unitOfMeasure) + '</span>' : '');
    const requests = i.requests || [];
    return '<h2>物资申请 Supply requests</h2>'
      + (canAsk ? '<div class="actions"><a class="button primary" id="incident-request" href="#requests/' + i.id + '">申请物资 Request supplies</a></div>' : '')
      + (requests.length ? '<ul class="list incident-requests">' + requests.map((r) => {
        const head = '<div class="item-head"><b>#' + r.id + ' ' + esc(r.unitNameZh) + '</b> <span class="chip">'
          + esc(FR.t('requestStatus', r.status)) + '</span></div>'
          + (r.lines || []).map((l) => '<small>' + line(l) + '</small>').join('') + '<small>' + esc(r.requestedByName || r.requestedBy)
          + ' · ' + esc(FR.time(r.requestedAt)) + '</small>';
        return '<li data-request="' + r.id + '">' + (opens || r.requestedBy === me ? '<a class="card" href="#request/' + r.id + '">' + head + '</a>'
          : '<div class="card">' + head + '</div>') + '</li>';
      }).join('') + '</ul>' : '<p class="muted">尚无物资申请 No request filed for it</p>');
  }

  FR.views.incident = async (view, id) => {
    const i = await FR.get('/api/incidents/' + id);
    const photo = (p) => '/api/incidents/' + i.id + '/photos/' + p.id + '?access_token=' + encodeURIComponent(FR.token());
    view.innerHTML = FR.head(esc(i.title) + ' <small>#' + i.id + '</small>', '#incidents', i.__keptAt)
      + '<dl class="facts"><dt>类型 Kind</dt><dd>' + esc(FR.t('incidentKind', i.kind)) + '</dd>'
      + '<dt>等级 Severity</dt><dd>' + esc(FR.t('incidentSeverity', i.severity)) + '</dd>'
      + '<dt>状态 Status</dt><dd>' + esc(FR.t('incidentStatus', i.status)) + '</dd>'
      + '<dt>单位 Unit</dt><dd>' + esc(i.unitNameZh) + '</dd>'
      + '<dt>上报 Reported</dt><dd>' + esc(FR.time(i.reportedAt)) + ' · ' + esc(i.reporterName) + '</dd>'
      + '<dt>位置 Position</dt><dd>' + esc(i.lat) + ', ' + esc(i.lon) + '</dd></dl>'
      + '<div class="photos">' + (i.photos || []).map((p) => '<figure><img src="' + esc(photo(p)) + '" alt="险情照片 Incident photo" loading="lazy"></figure>').join('') + '</div>'
      + requestsBlock(i)
      + '<h2>经过 Log</h2><ul class="list">' + (i.log || []).map((l) => '<li class="card"><small>' + esc(FR.time(l.at)) + ' · ' + esc(l.userName || '') + '</small>'
        + '<span>' + esc(logText(l)) + '</span>'
        + (l.note ? '<span>' + esc(l.note) + '</span>' : '') + '</li>').join('') + '</ul>'
      + (i.status !== 'closed' ? '<form id="incident-note" class="form" novalidate><label>补充情况 Add a note <textarea name="note" rows="2" maxlength="2000" required></textarea></label>'
        + '<button type="submit" class="primary">提交 Send</button><p class="result" role="status"></p></form>' : '');
    const form = FR.$('incident-note');
    if (form) form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = FR.checkForm(form);
      if (!v) return;
      FR.submit(form, { label: '险情补充 Note #' + i.id, path: '/api/incidents/' + i.id + '/notes', json: { note: v.note } },
        (r) => { if (r) FR.refresh(); });
    });
  };

  FR.views['incident-new'] = async (view) => {
    view.innerHTML = FR.head('上报险情 Report incident', '#incidents')
      + '<form id="incident-form" class="form" novalidate>'
      + '<p class="muted" id="i-pos">正在定位 Locating…</p>'
      + '<input type="hidden" name="lat" required><input type="hidden" name="lon" required>'
      + '<label>类型 Kind <select name="kind" required><option value="">— 请选择 choose —</option>'
      + Object.keys(FR.T.incidentKind).map((k) => '<option value="' + k + '">' + esc(FR.T.incidentKind[k]) + '</option>').join('') + '</select></label>'
      + '<label>等级 Severity <select name="severity" required>'
      + Object.keys(FR.T.incidentSeverity).map((k) => '<option value="' + k + '"' + (k === 'high' ? ' selected' : '') + '>'
        + esc(FR.T.incidentSeverity[k]) + '</option>').join('') + '</select></label>'
      + '<label>标题 Title <input name="title" maxlength="200" placeholder="如：右岸堤脚管涌 e.g. piping at the right bank"></label>'
      + '<label>情况说明 Note <textarea name="description" rows="3" maxlength="2000"></textarea></label>'
      + '<label>照片 Photo <input type="file" name="photo" accept="image/*" capture="environment"></label>'
      + '<button type="submit" class="primary">上报 Report</button><p class="result" role="status"></p></form>';
    const form = FR.$('incident-form');
    let pos = null;
    function setPos(p) {
      pos = p;
      form.elements.lat.value = p.lat; form.elements.lon.value = p.lon;
      FR.$('i-pos').textContent = '位置 Position ' + p.lat + ', ' + p.lon;
    }
    position(15000).then((p) => {
      if (p) setPos(p);
      else FR.$('i-pos').textContent = '无法定位，请到开阔处重试 No position: try again in the open';
    });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = FR.checkForm(form);
      if (!v) { if (!form.elements.lat.value) FR.$('i-pos').textContent = '还没有位置 No position yet'; return; }
      const file = form.elements.photo.files[0];
      const json = { kind: v.kind, severity: v.severity, lat: Number(v.lat), lon: Number(v.lon) };
      if (v.title) json.title = v.title;
      if (v.description) json.description = v.description;
      FR.submit(form, {
        label: '险情 Incident · ' + FR.t('incidentKind', v.kind), path: '/api/incidents', json,
        then: file ? [{ path: '/api/incidents/{id}/photos', blob: file, contentType: file.type || 'image/jpeg' }] : [],
        doneText: (r) => '编号 No. ' + r.id
      }, () => { form.reset(); if (pos) setPos(pos); });
    });
  };
})();
