/* FloodReady field app, river chief: my reaches and their period, patrols with a GPS track kept on the phone,
   hazards with photos, rectification evidence. */
(function () {
  'use strict';
  const FR = window.FR;
  const esc = FR.esc;
  FR.views = FR.views || {};

  const PERIOD = { week: '每周 weekly', month: '每月 monthly', quarter: '每季 quarterly', half_year: '每半年 half-yearly', year: '每年 yearly' };

  function status(r) {
    if (r.compliant) return { key: 'done', text: '已完成 done' };
    if (r.overdue) return { key: 'overdue', text: '逾期 overdue' };
    return { key: 'due', text: '待巡 due' };
  }

  FR.views.reaches = async (view) => {
    const [comp, hazards, current] = await Promise.all([FR.get('/api/compliance/reaches'),
      FR.get('/api/hazards?size=200&open=true'), FR.db.get('patrol', 'current')]);
    const openBy = {};
    hazards.items.forEach((h) => { openBy[h.reachId] = (openBy[h.reachId] || 0) + 1; });
    const canPatrol = FR.can.patrol();
    view.innerHTML = FR.head(FR.role() === 'river_chief' ? '我的河段 My reaches' : '河段 Reaches', null, comp.__keptAt)
      + (current ? '<a class="banner" href="#patrol/' + current.reachId + '">巡河进行中 Patrol in progress · 继续 continue ›</a>' : '')
      + '<ul class="list">' + comp.items.map((r) => {
        const s = status(r);
        const days = Math.max(0, Math.ceil((Date.parse(r.periodEnd) - Date.now()) / 86400000));
        return '<li class="card reach" data-reach="' + r.reachId + '"><div class="item-head"><b>' + esc(r.nameZh) + '</b> <span>' + esc(r.nameEn) + '</span></div>'
          + '<div class="figures"><span class="chip st-' + s.key + '">' + s.text + '</span>'
          + '<span>' + esc(PERIOD[r.period] || r.period) + ' ' + r.counted + '/' + r.required + '</span>'
          + '<span>剩 ' + days + ' 天 days left</span></div>'
          + '<div class="figures"><span>上次巡河 Last patrol <b>' + esc(FR.ago(r.lastPatrolAt)) + '</b></span>'
          + '<a href="#hazards/' + r.reachId + '">未销号隐患 Open hazards <b>' + (openBy[r.reachId] || 0) + '</b></a></div>'
          + (canPatrol ? '<div class="actions"><a class="button primary" href="#patrol/' + r.reachId + '">开始巡河 Start patrol</a>'
            + '<a class="button" href="#hazard-new/' + r.reachId + '">上报隐患 Report hazard</a></div>' : '') + '</li>';
      }).join('') + '</ul>' + FR.meBlock();
  };

  // ---------- patrol ----------
  const R = 6371008.8;
  function metres(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad; const dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * R * Math.asin(Math.sqrt(h));
  }
  FR.trackLength = (points) => points.reduce((sum, p, i) => i ? sum + (p.gap ? 0 : metres(points[i - 1], p)) : 0, 0);

  /** A plain SVG map: the reach as a blue line, the track in orange, the last position as a dot. */
  function map(reachCoords, points) {
    const reach = reachCoords.map((c) => ({ lon: c[0], lat: c[1] }));
    // Framed on the walk once there is one (at least ~400 m across), else on the whole reach; the SVG clips the rest.
    const framed = points.length ? points : reach;
    if (!framed.length) return '<p class="muted">等待定位 Waiting for the first position…</p>';
    const lat0 = framed.reduce((s, p) => s + p.lat, 0) / framed.length;
    const k = Math.cos(lat0 * Math.PI / 180);
    const xs = framed.map((p) => p.lon * k); const ys = framed.map((p) => p.lat);
    let minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const span = Math.max(maxX - minX, maxY - minY, points.length ? 0.004 : 0.0005);
    minX = (minX + maxX - span) / 2; minY = (minY + maxY - span) / 2;
    const W = 340, H = 220, pad = 12;
    const sc = (H - 2 * pad) / span;
    const ox = (W - span * sc) / 2, oy = (H - span * sc) / 2;
    const xy = (p) => (ox + (p.lon * k - minX) * sc).toFixed(1) + ',' + (H - oy - (p.lat - minY) * sc).toFixed(1);
    const reachLine = reach.map(xy).join(' ');
    const track = points.map(xy).join(' ');
    const last = points.length ? xy(points[points.length - 1]).split(',') : null;
    return '<svg class="map" viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="河段与轨迹 Reach and track">'
      + '<rect width="' + W + '" height="' + H + '" fill="#10202e"/>'
      + (reachLine ? '<polyline points="' + reachLine + '" fill="none" stroke="#42a5f5" stroke-width="6" stroke-linecap="round" opacity=".7"/>' : '')
      + (track ? '<polyline points="' + track + '" fill="none" stroke="#ffb74d" stroke-width="3"/>' : '')
      + (last ? '<circle cx="' + last[0] + '" cy="' + last[1] + '" r="6" fill="#ff5252" stroke="#fff" stroke-width="2"/>' : '')
      + '</svg>';
  }

  let watchId = null;
  function stopWatch() { if (watchId !== null) { navigator.geolocation.clearWatch(watchId); watchId = null; } }

  FR.views.patrol = async (view, reachId) => {
    stopWatch();
    let current = await FR.db.get('patrol', 'current');
    const reach = await FR.get('/api/reaches/' + (current ? current.reachId : reachId));
    const coords = (reach.geometry && reach.geometry.coordinates) || [];
    function draw() {
      const dist = current ? FR.trackLength(current.points) : 0;
      const secs = current ? Math.round(((current.paused ? current.pausedAt : Date.now()) - Date.parse(current.startedAt) - current.pausedMs) / 1000) : 0;
      const mm = Math.floor(secs / 60), ss = secs % 60;
      view.innerHTML = FR.head('巡河 Patrol<small>' + esc(reach.nameZh) + '</small>', '#reaches')
        + '<div class="patrol-figures"><span>时长 Time <b id="p-time">' + mm + ':' + String(ss).padStart(2, '0') + '</b></span>'
        + '<span>距离 Distance <b id="p-dist">' + (dist / 1000).toFixed(2) + ' km</b></span>'
        + '<span>定位点 Fixes <b id="p-fixes">' + (current ? current.points.length : 0) + '</b></span></div>'
        + map(coords, current ? current.points : [])
        + '<p id="p-state" class="muted">' + (!current ? '未开始 Not started' : current.paused ? '已暂停 Paused' : '记录中 Recording…') + '</p>'
        + '<div class="actions">'
        + (!current ? '<button type="button" class="primary big-button" id="p-start">开始巡河 Start patrol</button>'
          : (current.paused ? '<button type="button" class="primary" id="p-resume">继续 Resume</button>' : '<button type="button" id="p-pause">暂停 Pause</button>')
          + '<a class="button" href="#hazard-new/' + current.reachId + '">上报隐患 Report hazard</a>'
          + '<button type="button" class="danger" id="p-end">结束并上传 End &amp; upload</button>')
        + '</div><label>巡河记录 Notes <textarea id="p-notes" rows="2" maxlength="1000">' + esc(current ? current.notes || '' : '') + '</textarea></label>'
        + '<p class="result" id="p-result" role="status"></p>';
      const on = (id, fn) => { const el = FR.$(id); if (el) el.addEventListener('click', fn); };
      on('p-start', async () => {
        current = { id: 'current', patrolId: FR.uuid(), reachId: Number(reachId), startedAt: new Date().toISOString(), points: [], paused: false, pausedMs: 0 };
        await FR.db.put('patrol', current);
        watch(); draw();
      });
      on('p-pause', async () => { current.paused = true; current.pausedAt = Date.now(); await FR.db.put('patrol', current); draw(); });
      on('p-resume', async () => {
        current.pausedMs += Date.now() - current.pausedAt; current.paused = false; current.resumeGap = true;
        await FR.db.put('patrol', current); draw();
      });
      on('p-end', end);
      const notes = FR.$('p-notes');
      notes.addEventListener('change', async () => { if (current) { current.notes = notes.value; await FR.db.put('patrol', current); } });
    }
    function watch() {
      if (!navigator.geolocation) { FR.$('p-state').textContent = '此设备不能定位 No location on this device'; return; }
      stopWatch();
      watchId = navigator.geolocation.watchPosition(async (pos) => {
        if (!current || current.paused || view.dataset.view !== 'patrol') return;
        const p = { lat: +pos.coords.latitude.toFixed(6), lon: +pos.coords.longitude.toFixed(6), t: new Date(pos.timestamp || Date.now()).toISOString() };
        const prev = current.points[current.points.length - 1];
        if (prev && (Date.parse(p.t) <= Date.parse(prev.t))) p.t = new Date(Date.parse(prev.t) + 1000).toISOString();
        if (current.resumeGap) { p.gap = true; current.resumeGap = false; }
        current.points.push(p);
        await FR.db.put('patrol', current);
        draw();
      }, (err) => { const el = FR.$('p-state'); if (el) el.textContent = '定位失败 Location error: ' + err.message; },
      { enableHighAccuracy: true, maximumAge: 0, timeout: 30000 });
    }
    async function end() {
      if (!current.points.length) { FR.$('p-result').className = 'result error'; FR.$('p-result').textContent = '还没有定位点 No position recorded yet'; return; }
      stopWatch();
      const json = { id: current.patrolId, reachId: current.reachId, startedAt: current.startedAt,
        endedAt: current.points[current.points.length - 1].t,
        points: current.points.map((p) => ({ lat: p.lat, lon: p.lon, t: p.t })), notes: FR.$('p-notes').value || undefined };
      if (Date.parse(json.endedAt) < Date.parse(json.startedAt)) json.startedAt = json.points[0].t;
      const entry = await FR.enqueue({ id: current.patrolId, label: '巡河 Patrol · ' + reach.nameZh + ' · ' + (FR.trackLength(current.points) / 1000).toFixed(2) + ' km',
        path: '/api/patrols', json });
      await FR.db.del('patrol', 'current');
      current = null;
      draw();
      const done = await FR.settled(entry.id, 8000);
      const out = FR.$('p-result');
      if (!out) return;
      if (done.status === 'sent') {
        out.className = 'result ' + (done.result.counted ? 'good' : 'warn');
        out.textContent = done.result.counted ? '已上传，计入考核 Uploaded and counted'
          : '已上传，但不计入 Uploaded, not counted: ' + (done.result.notCountedReason || '');
      } else if (done.status === 'refused') { out.className = 'result error'; out.textContent = done.error; }
      else { out.className = 'result warn'; out.textContent = '轨迹保存在手机上，联网后上传 Track kept on the phone; uploaded when online'; }
    }
    draw();
    if (current && !current.paused) watch();
  };

  // ---------- hazards ----------
  function photoUrl(h, p) {
    return '/api/hazards/' + h.id + '/photos/' + p.id + '?access_token=' + encodeURIComponent(FR.token());
  }

  FR.views.hazards = async (view, reachId) => {
    const list = await FR.get('/api/hazards?size=200&sort=-id' + (reachId ? '&reachId=' + reachId : ''));
    view.innerHTML = FR.head('隐患 Hazards', reachId ? '#reaches' : null, list.__keptAt)
      + '<ul class="list">' + list.items.map((h) => '<li><a class="card hazard' + (h.overdue ? ' overdue' : '') + '" href="#hazard/' + h.id + '" data-hazard="' + h.id + '">'
        + '<div class="item-head"><b>' + esc(FR.t('hazardType', h.type)) + '</b> <span class="chip sev-' + esc(h.severity) + '">' + esc(FR.t('severity', h.severity)) + '</span>'
        + ' <span class="chip">' + esc(FR.t('hazardStatus', h.status)) + '</span></div>'
        + '<span>' + esc(h.reachNameZh || h.unitNameZh || '') + '</span><small>' + esc(h.description) + '</small>'
        + '<small class="' + (h.overdue ? 'bad' : '') + '">期限 Deadline ' + esc(h.effectiveDeadline ? FR.time(h.effectiveDeadline) : '未定 not set')
        + (h.overdue ? ' · 已逾期 OVERDUE' : '') + '</small></a></li>').join('') + '</ul>'
      + (list.items.length ? '' : '<p class="muted">没有隐患 No hazards</p>');
  };

  FR.views.hazard = async (view, id) => {
    const h = await FR.get('/api/hazards/' + id);
    const mine = FR.can.patrol() || FR.can.duty();
    view.innerHTML = FR.head(esc(FR.t('hazardType', h.type)) + ' <small>#' + h.id + '</small>', '#hazards', h.__keptAt)
      + '<dl class="facts"><dt>状态 Status</dt><dd>' + esc(FR.t('hazardStatus', h.status)) + '</dd>'
      + '<dt>严重程度 Severity</dt><dd>' + esc(FR.t('severity', h.severity)) + '</dd>'
      + '<dt>河段 Reach</dt><dd>' + esc(h.reachNameZh || '—') + '</dd>'
      + '<dt>期限 Deadline</dt><dd class="' + (h.overdue ? 'bad' : '') + '">' + esc(h.effectiveDeadline ? FR.time(h.effectiveDeadline) : '未定 not set') + (h.overdue ? ' · 已逾期 overdue' : '') + '</dd>'
      + '<dt>描述 Description</dt><dd>' + esc(h.description) + '</dd>'
      + '<dt>位置 Position</dt><dd>' + esc(h.lat) + ', ' + esc(h.lon) + '</dd></dl>'
      + '<div class="photos">' + (h.photos || []).map((p) => '<figure><img src="' + esc(photoUrl(h, p)) + '" alt="隐患照片 Hazard photo" loading="lazy"><figcaption>'
        + (p.kind === 'evidence' ? '整改 evidence' : '上报 report') + '</figcaption></figure>').join('') + '</div>'
      + (mine && h.status === 'assigned' ? '<form id="start-form" class="form" novalidate><button type="submit" class="primary">开始整改 Start rectifying</button><p class="result"></p></form>' : '')
      + (mine && h.status === 'rectifying' ? '<form id="evidence-form" class="form" novalidate><h2>整改证据 Rectification evidence</h2>'
        + '<label>照片 Photo <input type="file" name="photo" accept="image/*" capture="environment" required></label>'
        + '<label>整改说明 Note <textarea name="note" rows="3" maxlength="1000" required></textarea></label>'
        + '<button type="submit" class="primary">提交整改 Report rectified</button><p class="result" role="status"></p></form>' : '');
    const start = FR.$('start-form');
    if (start) start.addEventListener('submit', (ev) => {
      ev.preventDefault();
      FR.submit(start, { label: '开始整改 Start rectifying #' + h.id, path: '/api/hazards/' + h.id + '/start', json: {} }, (r) => { if (r) FR.refresh(); });
    });
    const ev = FR.$('evidence-form');
    if (ev) ev.addEventListener('submit', async (e) => {
      e.preventDefault();
      const v = FR.checkForm(ev);
      if (!v) return;
      const file = ev.elements.photo.files[0];
      if (!file) { FR.markFields(ev, { photo: '请拍照 Take a photo' }); return; }
      // The photo goes first: the server wants evidence before a hazard is reported rectified.
      await FR.enqueue({ label: '整改照片 Evidence photo #' + h.id, path: '/api/hazards/' + h.id + '/photos?kind=evidence', blob: file, contentType: file.type || 'image/jpeg' });
      FR.submit(ev, { label: '整改完成 Rectified #' + h.id, path: '/api/hazards/' + h.id + '/rectify', json: { note: v.note } }, (r) => { if (r) FR.refresh(); });
    });
  };

  FR.views['hazard-new'] = async (view, reachId) => {
    const reach = await FR.get('/api/reaches/' + reachId);
    const current = await FR.db.get('patrol', 'current');
    let pos = current && current.points.length ? current.points[current.points.length - 1] : null;
    view.innerHTML = FR.head('上报隐患 Report a hazard<small>' + esc(reach.nameZh) + '</small>', '#reaches')
      + '<form id="hazard-form" class="form" novalidate>'
      + '<p class="muted" id="h-pos">' + (pos ? '位置 Position ' + pos.lat + ', ' + pos.lon : '正在定位 Locating…') + '</p>'
      + '<input type="hidden" name="lat" required><input type="hidden" name="lon" required>'
      + '<label>类型 Type <select name="type" required><option value="">— 请选择 choose —</option>' + Object.keys(FR.T.hazardType).map((k) => '<option value="' + k + '">' + esc(FR.T.hazardType[k]) + '</option>').join('') + '</select></label>'
      + '<label>严重程度 Severity <select name="severity" required>' + ['low', 'medium', 'high'].map((k) => '<option value="' + k + '">' + esc(FR.T.severity[k]) + '</option>').join('') + '</select></label>'
      + '<label>描述 Description <textarea name="description" rows="3" maxlength="2000" required></textarea></label>'
      + '<label>照片 Photo <input type="file" name="photo" accept="image/*" capture="environment"></label>'
      + '<button type="submit" class="primary">上报 Report</button><p class="result" role="status"></p></form>';
    const form = FR.$('hazard-form');
    function setPos(p) {
      pos = p;
      form.elements.lat.value = p.lat; form.elements.lon.value = p.lon;
      FR.$('h-pos').textContent = '位置 Position ' + p.lat + ', ' + p.lon;
    }
    if (pos) setPos(pos);
    else if (navigator.geolocation) {
      navigator.geolocation.getCurrentPosition((p) => setPos({ lat: +p.coords.latitude.toFixed(6), lon: +p.coords.longitude.toFixed(6) }),
        () => { FR.$('h-pos').textContent = '无法定位，使用河段位置 No location: the reach\'s position is used'; const c = reach.geometry.coordinates[0]; setPos({ lat: c[1], lon: c[0] }); },
        { enableHighAccuracy: true, timeout: 15000 });
    }
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = FR.checkForm(form);
      if (!v) { if (!form.elements.lat.value) FR.$('h-pos').textContent = '还没有位置 No position yet'; return; }
      const file = form.elements.photo.files[0];
      const json = { reachId: Number(reachId), type: v.type, severity: v.severity, lat: Number(v.lat), lon: Number(v.lon), description: v.description };
      FR.submit(form, {
        label: '隐患 Hazard · ' + FR.t('hazardType', v.type) + ' · ' + reach.nameZh, path: '/api/hazards', json,
        then: file ? [{ path: '/api/hazards/{id}/photos?kind=report', blob: file, contentType: file.type || 'image/jpeg' }] : [],
        doneText: (r) => '编号 No. ' + r.id
      }, () => { form.reset(); if (pos) setPos(pos); });
    });
  };
})();
