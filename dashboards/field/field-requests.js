/* FloodReady field app: supply requests of a street or community (物资申请) and confirming a dispatch at
   arrival by scanning its note's QR code (签收). A receipt goes through the outbox: made when the button is
   pressed, sent when the network is there, booked once however often it is sent or scanned. */
(function () {
  'use strict';
  const FR = window.FR;
  const esc = FR.esc;
  FR.T.requestStatus = { pending: '待审批 pending', approved: '已批准 approved', refused: '未批准 refused',
    dispatched: '已发出 on the way', received: '已签收 received' };
  FR.T.decision = { pending: '待定 pending', approved: '全部批准 approved', partly: '部分批准 partly', refused: '不批准 refused' };

  /** "DN-000012", a link with #dispatch/12, or 12: the dispatch id, else null. */
  function dispatchId(text) {
    const s = String(text || '').trim();
    const m = s.match(/dispatch\/(\d+)/) || s.match(/^DN-?0*(\d+)$/i) || s.match(/^(\d+)$/);
    return m ? Number(m[1]) : null;
  }

  /** River chiefs and inspectors ask for an incident they command: they name it, the place is the incident's. */
  const FOR_INCIDENT = ['river_chief', 'inspector'];

  function incidentPicker(incidents, chosen) {
    return '<label>险情 Incident <select name="incidentId"' + (FOR_INCIDENT.includes(FR.role()) ? ' required' : '') + '>'
      + '<option value="">— 请选择 choose —</option>' + incidents.map((i) => '<option value="' + i.id + '"'
        + (String(i.id) === String(chosen) ? ' selected' : '') + '>#' + i.id + ' ' + esc(i.title) + '</option>').join('')
      + '</select></label>';
  }

  FR.views.requests = async (view, incidentId) => {
    const withIncident = incidentId != null || FOR_INCIDENT.includes(FR.role());
    const [catalogue, mine, incidents] = await Promise.all([FR.get('/api/items?size=500'), FR.get('/api/requests?size=30'),
      withIncident ? FR.get('/api/incidents?open=true&size=100&sort=-reportedAt') : { items: [] }]);
    const soon = new Date(Date.now() + 2 * 3600 * 1000);
    view.innerHTML = FR.head('物资申请 Supply requests', incidentId != null ? '#incident/' + incidentId : null, mine.__keptAt)
      + '<form id="scan-dispatch" class="form" novalidate><label>扫码签收 Confirm a delivery: 出库单号 Note no.'
      + ' <input name="code" required placeholder="DN-000012" autocapitalize="characters"></label>'
      + '<button type="submit">打开 Open</button>'
      + ('BarcodeDetector' in window ? '<button type="button" id="dispatch-camera" class="big-button">📷 扫描出库单 Scan the note</button>'
        + '<video id="dispatch-video" playsinline hidden></video>' : '')
      + '<p class="result" role="status"></p></form>'
      + '<h2>新申请 New request</h2><form id="request-form" class="form" novalidate>'
      + (withIncident ? incidentPicker(incidents.items, incidentId) : '')
      + '<div id="request-lines">' + lineRow(catalogue, 0) + '</div>'
      + '<button type="button" id="add-line" class="ghost">＋ 再加一项 Add an item</button>'
      + '<label>需用时间 Needed by <input name="neededBy" type="datetime-local" required value="' + esc(FR.localInput(soon)) + '"></label>'
      + '<label>地点 Place <input name="address" maxlength="300" placeholder="路口、小区、堤段 street corner, estate, bank"></label>'
      + '<div class="row" id="request-position"><label>纬度 Lat <input name="lat" inputmode="decimal" required></label>'
      + '<label>经度 Lon <input name="lon" inputmode="decimal" required></label></div>'
      + '<button type="button" id="here" class="ghost">📍 用当前位置 Use my location</button>'
      + '<label>说明 Note <textarea name="note" maxlength="1000" rows="2" placeholder="险情、积水深度 what is happening"></textarea></label>'
      + '<button type="submit" class="primary">提交申请 Send request</button><p class="result" role="status"></p></form>'
      + '<h2>本单位申请 Our requests</h2>'
      + (mine.items.length ? '<ul class="list requests">' + mine.items.map((r) => '<li><a href="#request/' + r.id + '"><b>#' + r.id + ' '
        + esc(r.unitNameZh) + '</b><span class="chip">' + esc(FR.t('requestStatus', r.status)) + '</span><small>需用 needed by '
        + esc(FR.time(r.neededBy)) + ' · ' + r.lineCount + ' 项 items</small></a></li>').join('') + '</ul>'
        : '<p class="muted">还没有申请 No requests yet</p>')
      + FR.meBlock();

    const scan = FR.$('scan-dispatch');
    const openCode = (text) => {
      const id = dispatchId(text);
      if (id) FR.go('#dispatch/' + id);
      else FR.markFields(scan, { code: '不是出库单号 Not a dispatch note number' });
    };
    scan.addEventListener('submit', (ev) => { ev.preventDefault(); const v = FR.checkForm(scan); if (v) openCode(v.code); });
    const camera = FR.$('dispatch-camera');
    if (camera) camera.addEventListener('click', () => FR.scanQr(FR.$('dispatch-video'), openCode, scan.querySelector('.result')));

    const form = FR.$('request-form');
    // for an incident the server takes the incident's position: the place fields are not needed
    const placeByIncident = () => {
      const byIncident = !!(form.incidentId && form.incidentId.value);
      FR.$('request-position').hidden = byIncident;
      FR.$('here').hidden = byIncident;
      form.lat.required = !byIncident;
      form.lon.required = !byIncident;
    };
    if (form.incidentId) { form.incidentId.addEventListener('change', placeByIncident); placeByIncident(); }
    FR.$('add-line').addEventListener('click', () => {
      const box = FR.$('request-lines');
      box.insertAdjacentHTML('beforeend', lineRow(catalogue, box.children.length));
    });
    FR.$('here').addEventListener('click', () => {
      if (!navigator.geolocation) return;
      navigator.geolocation.getCurrentPosition((p) => {
        form.lat.value = p.coords.latitude.toFixed(6);
        form.lon.value = p.coords.longitude.toFixed(6);
      }, (e) => { form.querySelector('.result').textContent = '无法定位 No position: ' + e.message; });
    });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const v = FR.checkForm(form);
      if (!v) return;
      const lines = [];
      form.querySelectorAll('.request-line').forEach((row, i) => {
        const itemId = Number(row.querySelector('select').value);
        const quantity = Number(row.querySelector('input').value);
        if (itemId && quantity > 0) lines.push({ itemId, quantity });
        else if (i === 0) FR.markFields(form, { 'lines[0].quantity': '必填 required' });
      });
      if (!lines.length) return;
      const json = { neededBy: new Date(v.neededBy).toISOString(), address: v.address || null, note: v.note || null, lines };
      if (v.incidentId) json.incidentId = Number(v.incidentId);
      else { json.lat = Number(v.lat); json.lon = Number(v.lon); }
      await FR.submit(form, { label: '物资申请 Request · ' + lines.length + ' 项 items', path: '/api/requests', json,
        doneText: (r) => '申请单 Request #' + (r && r.id) + ' 待审批 waiting for approval' }, (r) => { if (r) setTimeout(() => FR.go('#request/' + r.id), 800); });
    });
  };

  function lineRow(catalogue, i) {
    return '<div class="row request-line"><label>物资 Item <select name="lines[' + i + '].itemId"' + (i === 0 ? ' required' : '') + '>'
      + '<option value="">— 请选择 choose —</option>' + catalogue.items.map((it) => '<option value="' + it.id + '">' + esc(it.nameZh)
        + ' ' + esc(it.nameEn) + ' (' + esc(it.unitOfMeasure) + ')</option>').join('') + '</select></label>'
      + '<label>数量 Qty <input name="lines[' + i + '].quantity" inputmode="decimal"' + (i === 0 ? ' required' : '') + '></label></div>';
  }

  FR.views.request = async (view, id) => {
    const r = await FR.get('/api/requests/' + id);
    view.innerHTML = FR.head('申请单 Request #' + esc(r.id) + '<small>' + esc(FR.t('requestStatus', r.status)) + '</small>', '#requests', r.__keptAt)
      + '<p class="muted">需用 Needed by ' + esc(FR.time(r.neededBy)) + (r.address ? ' · ' + esc(r.address) : '') + '</p>'
      + '<ul class="list">' + r.lines.map((l) => '<li><div><b>' + esc(l.itemNameZh) + ' ' + esc(l.itemNameEn) + '</b><small>申请 asked '
        + FR.qty(l.quantity, l.unitOfMeasure) + ' · ' + esc(FR.t('decision', l.decision))
        + (l.approvedQuantity != null ? ' ' + FR.qty(l.approvedQuantity, l.unitOfMeasure) : '')
        + (l.reason ? ' · ' + esc(l.reason) : '') + ' · 已收 received ' + FR.qty(l.received, l.unitOfMeasure) + '</small></div></li>').join('') + '</ul>'
      + (r.dispatches.length ? '<h2>出库单 Deliveries</h2><ul class="list">' + r.dispatches.map((d) => '<li><a href="#dispatch/' + d.id + '"><b>'
        + esc(d.code) + ' · ' + esc(d.fromBaseNameZh) + '</b><small>' + esc(d.status === 'received' ? '已签收 received' : '在途，到达后签收 on the way: confirm at arrival')
        + '</small></a></li>').join('') + '</ul>' : '');
  };

  FR.views.dispatch = async (view, id) => {
    const d = await FR.get('/api/dispatches/' + id);
    const received = d.status === 'received';
    view.innerHTML = FR.head('签收 Confirm receipt<small>' + esc(d.code) + '</small>', '#home', d.__keptAt)
      + '<p class="muted">' + esc(d.fromBaseNameZh) + ' → ' + esc(d.destination) + ' · 出库 sent ' + esc(FR.time(d.dispatchedAt)) + '</p>'
      + (received ? '<p class="result good">已签收 Received ' + esc(FR.time(d.receivedAt)) + ' · ' + esc(d.receivedBy || '')
        + '（重复扫码不会重复记账 scanning again books nothing）</p>' : '')
      + '<form id="receipt-form" class="form" novalidate>'
      + d.lines.map((l, i) => '<div class="receipt-line"><b>' + esc(l.itemNameZh) + ' ' + esc(l.itemNameEn) + '</b><small>批次 Lot '
        + esc(l.lotCode) + ' · 发出 sent ' + FR.qty(l.quantity, l.unitOfMeasure) + '</small>'
        + (received ? '<small>实收 received ' + FR.qty(l.receivedQuantity, l.unitOfMeasure)
          + (Number(l.shortage) > 0 ? ' · <span class="error">短少 short ' + FR.qty(l.shortage, l.unitOfMeasure) + '</span>' : '') + '</small>'
          : '<label>实收 Received <input name="lines[' + i + '].receivedQuantity" data-line="' + l.id + '" inputmode="decimal" value="'
            + esc(l.quantity) + '"><span class="unit">' + esc(l.unitOfMeasure) + '</span></label>') + '</div>').join('')
      + (received ? '' : '<label>备注 Note <textarea name="note" maxlength="1000" rows="2" placeholder="短少、破损 shortages, damage"></textarea></label>'
        + '<button type="submit" class="primary">确认收货 Confirm receipt</button>')
      + '<p class="result" role="status"></p></form>';
    if (received) return;
    const form = FR.$('receipt-form');
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const lines = [];
      const bad = {};
      form.querySelectorAll('input[data-line]').forEach((input) => {
        const q = Number(input.value);
        if (input.value === '' || !(q >= 0)) bad[input.name] = '须为 0 或以上 must be 0 or more';
        lines.push({ allocationId: Number(input.dataset.line), receivedQuantity: q });
      });
      if (FR.markFields(form, bad)) return;
      const note = form.note.value.trim() || null;
      await FR.submit(form, { label: '签收 Receipt · ' + d.code, path: '/api/dispatches/' + id + '/receipt', json: { lines, note },
        doneText: (r) => (r && r.shortages && r.shortages.length ? '已记录短少 shortages recorded: ' + r.shortages.length : '全部收到 all received') },
      (r) => { if (r) setTimeout(() => FR.refresh(), 1200); });
    });
  };
})();
