/* FloodReady field app, keeper: bases, stock per item and lot, receipts, issues, write-offs, condition,
   test runs, transfers, stocktakes, lot labels and scanning. */
(function () {
  'use strict';
  const FR = window.FR;
  const esc = FR.esc;
  FR.views = FR.views || {};

  const mineOnly = () => FR.role() === 'base_keeper';

  async function level() {
    try { return (await FR.get('/api/settings/response-level')).level; } catch (e) { return null; }
  }

  FR.views.bases = async (view) => {
    const [bases, lv, cov, unusable] = await Promise.all([FR.get('/api/bases?size=200' + (mineOnly() ? '&mine=true' : '')), level(),
      FR.get('/api/coverage?size=500&shortOnly=true').catch(() => null), FR.get('/api/lots?size=500&usable=false').catch(() => null)]);
    const count = (list, id) => list ? list.items.filter((x) => x.baseId === id).length : null;
    const summary = (b) => {
      const short = count(cov, b.id), bad = count(unusable, b.id);
      if (short === null || bad === null) return '';
      return '<div class="figures"><span class="' + (short ? 'bad' : 'good') + '">缺口 ' + short + ' 项 short</span>'
        + '<span class="' + (bad ? 'warn' : 'good') + '">不可用批次 ' + bad + ' unusable lots</span></div>';
    };
    view.innerHTML = FR.head(mineOnly() ? '我的仓库 My bases' : '仓库 Supply bases', null, bases.__keptAt)
      + '<p class="level">应急响应 Response level: <b class="lv-' + esc(lv) + '">' + esc(FR.t('responseLevel', lv)) + '</b></p>'
      + '<ul class="list">' + bases.items.map((b) => '<li><a class="card" href="#base/' + b.id + '" data-base="' + b.id + '">'
        + '<b>' + esc(b.nameZh) + '</b><span>' + esc(b.nameEn) + '</span><small>' + esc(b.code) + ' · ' + esc(b.address || '') + '</small>'
        + summary(b) + '</a></li>').join('')
      + '</ul>' + (bases.items.length ? '' : '<p class="muted">没有分配的仓库 No base assigned to you</p>') + FR.meBlock();
  };

  /** Stock of one base per item (with its quota line) and per lot. */
  FR.views.base = async (view, baseId) => {
    const [base, lots, cov] = await Promise.all([FR.get('/api/bases/' + baseId),
      FR.get('/api/lots?size=500&baseId=' + baseId), FR.get('/api/coverage?size=500&baseId=' + baseId)]);
    const items = new Map();
    for (const l of lots.items) {
      const it = items.get(l.itemId) || { itemId: l.itemId, code: l.itemCode, nameZh: l.itemNameZh, nameEn: l.itemNameEn,
        unit: l.unitOfMeasure, category: l.category, lots: [], onHand: 0, usable: 0 };
      it.lots.push(l); it.onHand += l.quantity; it.usable += l.usableQuantity;
      items.set(l.itemId, it);
    }
    for (const c of cov.items) {
      const it = items.get(c.itemId) || { itemId: c.itemId, code: c.itemCode, nameZh: c.itemNameZh, nameEn: c.itemNameEn,
        unit: c.unitOfMeasure, category: c.category, lots: [], onHand: 0, usable: 0 };
      it.cov = c;
      items.set(c.itemId, it);
    }
    const list = [...items.values()].sort((a, b) => (b.cov ? b.cov.shortfall : 0) - (a.cov ? a.cov.shortfall : 0) || a.code.localeCompare(b.code));
    const short = list.filter((i) => i.cov && i.cov.shortfall > 0).length;
    const notUsable = lots.items.filter((l) => !l.usable).length;
    const canKeep = FR.can.keep();
    view.innerHTML = FR.head(esc(base.nameZh) + '<small>' + esc(base.nameEn) + '</small>', '#bases', lots.__keptAt)
      + '<p class="level">应急响应 Response level <b>' + esc(FR.t('responseLevel', cov.responseLevel)) + '</b> · '
      + '<span class="' + (short ? 'bad' : 'good') + '">缺口 ' + short + ' 项 short</span> · '
      + '<span class="' + (notUsable ? 'warn' : 'good') + '">不可用批次 ' + notUsable + ' unusable lots</span></p>'
      + '<div class="actions">'
      + (canKeep ? '<a class="button primary" href="#receive/' + base.id + '">入库 Receive</a>'
        + '<a class="button" href="#stocktake/' + base.id + '">盘点 Stocktake</a>'
        + '<a class="button" id="returns-link" href="#returns/' + base.id + '">归还 Returns</a>' : '')
      + '<a class="button" href="#transfers/' + base.id + '">调拨 Transfers</a>'
      + '<a class="button" href="#scan/' + base.id + '">扫码 Scan lot</a>'
      + '<a class="button" id="labels" target="_blank" rel="noopener" href="/api/bases/' + base.id + '/labels.pdf?access_token=' + encodeURIComponent(FR.token()) + '">标签 Labels</a>'
      + '</div>'
      + '<label class="search">搜索物资 Find an item <input id="item-q" type="search" name="q" placeholder="编织袋 / woven / M-WB / bzd" autocomplete="off"></label>'
      + '<ul class="list items" id="items">' + list.map(itemCard).join('') + '</ul>'
      + '<div id="site-rounds"></div>';
    FR.siteRounds('base', base.id, FR.$('site-rounds'));
    const q = FR.$('item-q');
    let timer = null;
    q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => filterItems(q.value.trim(), list), 250); });
  };

  function itemCard(it) {
    const c = it.cov;
    return '<li class="item" data-item="' + it.itemId + '"><div class="item-head"><b>' + esc(it.nameZh) + '</b> <span>' + esc(it.nameEn) + '</span> <small>' + esc(it.code) + '</small></div>'
      + '<div class="figures"><span>在库 on hand <b>' + FR.qty(it.onHand, it.unit) + '</b></span>'
      + '<span>可用 usable <b>' + FR.qty(it.usable, it.unit) + '</b></span>'
      + (c ? '<span>定额 required <b>' + FR.qty(c.required, it.unit) + '</b></span>'
        + '<span class="' + (c.shortfall > 0 ? 'bad' : 'good') + '">缺口 short <b>' + FR.qty(c.shortfall, it.unit) + '</b></span>' : '')
      + '</div><ul class="lots">' + it.lots.map((l) => '<li><a href="#lot/' + l.id + '" data-lot="' + esc(l.lotCode) + '">'
        + '<span class="code">' + esc(l.lotCode) + '</span><span>' + FR.qty(l.quantity, l.unitOfMeasure) + '</span>'
        + (l.usable ? '<span class="chip ok">可用 usable</span>' : '<span class="chip no">' + esc(FR.t('notUsable', l.notUsableReason)) + '</span>')
        + (l.expiresOn ? '<small>到期 expires ' + esc(l.expiresOn) + '</small>' : '') + '</a></li>').join('') + '</ul></li>';
  }

  /** Chinese, English, code and pinyin initials are matched by the server; offline, the phone matches what it can. */
  async function filterItems(text, list) {
    let ids = null;
    if (text) {
      try {
        const r = await FR.call('/api/items?size=500&q=' + encodeURIComponent(text));
        ids = new Set(r.items.map((i) => i.id));
      } catch (e) {
        const t = text.toLowerCase();
        ids = new Set(list.filter((i) => (i.nameZh + ' ' + i.nameEn + ' ' + i.code).toLowerCase().includes(t)).map((i) => i.itemId));
      }
    }
    document.querySelectorAll('#items > li').forEach((li) => { li.hidden = ids !== null && !ids.has(Number(li.dataset.item)); });
  }

  // ---------- writes: shared ----------
  /**
   * Queues the write, waits briefly for the answer, and tells the user in plain words: done, saved for later
   * (offline), or refused with the reason marked at the field.
   */
  FR.submit = async (form, spec, after) => {
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    const out = form.querySelector('.result');
    const doneText = spec.doneText;
    delete spec.doneText;
    try {
      const entry = await FR.enqueue(spec);
      const done = await FR.settled(entry.id, 6000);
      if (done.status === 'sent') {
        out.className = 'result good';
        out.textContent = '已完成 Done' + (doneText ? ' · ' + doneText(done.result) : '');
        if (after) after(done.result);
      } else if (done.status === 'refused') {
        out.className = 'result error';
        out.textContent = done.error;
        FR.markFields(form, done.refusal && done.refusal.fields);
      } else {
        out.className = 'result warn';
        out.textContent = '已保存在手机上，联网后自动发送 Saved on the phone; it is sent when the network is back';
        if (after) after(null);
      }
      return done;
    } finally {
      button.disabled = false;
    }
  };

  function options(group, keys) {
    return keys.map((k) => '<option value="' + k + '">' + esc(FR.t(group, k)) + '</option>').join('');
  }

  // ---------- receive ----------
  FR.views.receive = async (view, baseId) => {
    const base = await FR.get('/api/bases/' + baseId);
    const catalogue = await FR.get('/api/items?size=500');
    view.innerHTML = FR.head('入库 Receive<small>' + esc(base.nameZh) + '</small>', '#base/' + baseId, catalogue.__keptAt || base.__keptAt)
      + '<form id="receive-form" class="form" novalidate>'
      + '<label>查找物资 Find item <input type="search" id="receive-q" placeholder="bzd / 编织 / woven" autocomplete="off"></label>'
      + '<label>物资 Item <select name="itemId" required><option value="">— 请选择 choose —</option>' + catalogue.items.map(itemOption).join('') + '</select></label>'
      + '<label>数量 Quantity <input name="quantity" data-quantity inputmode="decimal" required><span class="unit" id="receive-unit"></span></label>'
      + '<label>批号 Lot code <input name="lotCode" autocapitalize="characters" placeholder="可不填，自动生成 optional"></label>'
      + '<label>有效期至 Expires on <input name="expiresOn" type="date"></label>'
      + '<label>状态 Condition <select name="condition">' + options('condition', ['usable', 'needs_repair']) + '</select></label>'
      + '<label>备注 Note (送货单号 delivery note no.) <textarea name="note" rows="2" maxlength="500"></textarea></label>'
      + '<label>送货单照片 Delivery note photo <input type="file" name="photo" accept="image/*" capture="environment"></label>'
      + '<button type="submit" class="primary">入库 Receive</button><p class="result" role="status"></p></form>';
    const form = FR.$('receive-form');
    const select = form.elements.itemId;
    const unitOf = () => { const it = catalogue.items.find((i) => String(i.id) === select.value); return it ? it.unitOfMeasure : ''; };
    select.addEventListener('change', () => {
      FR.$('receive-unit').textContent = unitOf();
      form.elements.quantity.inputMode = FR.countable(unitOf()) ? 'numeric' : 'decimal';
    });
    let timer = null;
    FR.$('receive-q').addEventListener('input', (ev) => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const text = ev.target.value.trim();
        let found = catalogue.items;
        if (text) {
          try { found = (await FR.call('/api/items?size=500&q=' + encodeURIComponent(text))).items; } catch (e) {
            found = catalogue.items.filter((i) => (i.nameZh + i.nameEn + i.code).toLowerCase().includes(text.toLowerCase()));
          }
        }
        select.innerHTML = '<option value="">— 请选择 choose (' + found.length + ') —</option>' + found.map(itemOption).join('');
        if (found.length === 1) { select.value = String(found[0].id); select.dispatchEvent(new Event('change')); }
      }, 250);
    });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = FR.checkForm(form, unitOf());
      if (!v) return;
      const item = catalogue.items.find((i) => String(i.id) === v.itemId);
      const json = { itemId: Number(v.itemId), quantity: Number(v.quantity), condition: v.condition };
      if (v.lotCode) json.lotCode = v.lotCode.trim();
      if (v.expiresOn) json.expiresOn = v.expiresOn;
      if (v.note) json.note = v.note;
      const photo = form.elements.photo.files[0];
      FR.submit(form, {
        label: '入库 Receipt · ' + item.nameZh + ' ×' + v.quantity + ' ' + item.unitOfMeasure + ' → ' + base.nameZh,
        path: '/api/bases/' + baseId + '/receipts', json, stampTime: true,
        then: photo ? [{ path: '/api/movements/{id}/photo', blob: photo, contentType: photo.type || 'image/jpeg' }] : [],
        doneText: (r) => '批次 lot ' + r.lotCode + ' 结存 balance ' + FR.qty(r.balance, r.unitOfMeasure)
      }, () => form.reset());
    });
  };

  function itemOption(i) {
    return '<option value="' + i.id + '">' + esc(i.nameZh) + ' ' + esc(i.nameEn) + ' (' + esc(i.code) + ', ' + esc(i.unitOfMeasure) + ')</option>';
  }

  // ---------- one lot ----------
  FR.views.lot = async (view, lotId) => {
    const lot = await FR.get('/api/lots/' + lotId);
    const u = lot.unitOfMeasure;
    const canKeep = FR.can.keep();
    const equipment = lot.category === 'equipment' && lot.testDueOn !== undefined;
    view.innerHTML = FR.head(esc(lot.itemNameZh) + ' <small>' + esc(lot.itemNameEn) + '</small>', '#base/' + lot.baseId, lot.__keptAt)
      + '<dl class="facts"><dt>批号 Lot</dt><dd class="code">' + esc(lot.lotCode) + '</dd>'
      + '<dt>仓库 Base</dt><dd>' + esc(lot.baseNameZh) + '</dd>'
      + '<dt>在库 On hand</dt><dd><b id="lot-qty">' + FR.qty(lot.quantity, u) + '</b></dd>'
      + '<dt>状态 Condition</dt><dd>' + esc(FR.t('condition', lot.condition)) + '</dd>'
      + '<dt>可用 Usable</dt><dd>' + (lot.usable ? '<span class="chip ok">可用 usable</span>' : '<span class="chip no">' + esc(FR.t('notUsable', lot.notUsableReason)) + '</span>') + '</dd>'
      + '<dt>入库 Received</dt><dd>' + esc(lot.receivedOn) + '</dd><dt>有效期 Expires</dt><dd>' + esc(lot.expiresOn || '—') + '</dd>'
      + (equipment ? '<dt>试机 Last test</dt><dd>' + (lot.lastTest ? esc(lot.lastTest.result === 'pass' ? '通过 pass' : '未通过 fail') + ' · ' + esc(FR.time(lot.lastTest.at)) : '—')
        + '</dd><dt>下次试机 Test due</dt><dd>' + esc(lot.testDueOn || '—') + '</dd>' : '') + '</dl>'
      + (canKeep ? '<div class="seg" role="tablist">'
        + '<button type="button" data-form="issue" class="on">出库 Issue</button><button type="button" data-form="writeoff">报废 Write off</button>'
        + '<button type="button" data-form="condition">状态 Condition</button>' + (equipment ? '<button type="button" data-form="test">试机 Test run</button>' : '') + '</div>'
        + '<form id="issue-form" class="form" data-kind="issue" novalidate>'
        + '<label>数量 Quantity (' + esc(u) + ') <input name="quantity" data-quantity inputmode="' + (FR.countable(u) ? 'numeric' : 'decimal') + '" required></label>'
        + '<label>领用对象 To <select name="recipientType">' + options('recipientType', ['incident', 'checkpoint', 'person']) + '</select></label>'
        + '<label>名称/姓名 Recipient <input name="recipient" required maxlength="200" placeholder="如 航海路涵洞抢险 e.g. culvert incident"></label>'
        + '<label>备注 Note <textarea name="note" rows="2" maxlength="500"></textarea></label>'
        + '<button type="submit" class="primary">出库 Issue</button><p class="result" role="status"></p></form>'
        + '<form id="writeoff-form" class="form" data-kind="writeoff" hidden novalidate>'
        + '<label>数量 Quantity (' + esc(u) + ') <input name="quantity" data-quantity inputmode="' + (FR.countable(u) ? 'numeric' : 'decimal') + '" required></label>'
        + '<label>原因 Reason <select name="reason" required><option value="">— 请选择 choose —</option>' + options('reason', ['expired', 'damaged', 'lost']) + '</select></label>'
        + '<label>备注 Note <textarea name="note" rows="2" maxlength="500"></textarea></label>'
        + '<button type="submit" class="primary">报废 Write off</button><p class="result" role="status"></p></form>'
        + '<form id="condition-form" class="form" data-kind="condition" hidden novalidate>'
        + '<label>新状态 New condition <select name="condition" required>' + options('condition', ['usable', 'needs_repair', 'expired', 'scrapped']) + '</select></label>'
        + '<label>备注 Note <textarea name="note" rows="2" maxlength="500"></textarea></label>'
        + '<button type="submit" class="primary">更改 Change</button><p class="result" role="status"></p></form>'
        + (equipment ? '<form id="test-form" class="form" data-kind="test" hidden novalidate>'
          + '<label>结果 Result <select name="result" required>' + '<option value="pass">通过 pass</option><option value="fail">未通过 fail</option></select></label>'
          + '<label>备注 Note <textarea name="note" rows="2" maxlength="500"></textarea></label>'
          + '<button type="submit" class="primary">记录试机 Log test run</button><p class="result" role="status"></p></form>' : '') : '')
      + '<h2>库存卡 Stock card</h2><ul class="list card-rows" id="stock-card"></ul>';
    if (!canKeep) return loadCard(lotId, u);
    view.querySelectorAll('.seg button').forEach((b) => b.addEventListener('click', () => {
      view.querySelectorAll('.seg button').forEach((x) => x.classList.toggle('on', x === b));
      view.querySelectorAll('form[data-kind]').forEach((f) => { f.hidden = f.dataset.kind !== b.dataset.form; });
    }));
    const name = lot.itemNameZh + ' ' + lot.lotCode;
    // Drawn again with the new figures; the answer stays under the form that was used.
    const reload = (formId) => {
      const text = FR.$(formId).querySelector('.result').textContent;
      FR.afterRender = () => {
        const button = view.querySelector('.seg button[data-form="' + FR.$(formId).dataset.kind + '"]');
        if (button) button.click();
        const out = FR.$(formId).querySelector('.result');
        out.className = 'result good';
        out.textContent = text;
      };
      FR.refresh();
    };
    bind('issue-form', (v) => ({ label: '出库 Issue · ' + name + ' ×' + v.quantity + ' → ' + v.recipient, path: '/api/lots/' + lotId + '/issues',
      json: { quantity: Number(v.quantity), recipientType: v.recipientType, recipient: v.recipient, note: v.note || undefined }, stampTime: true,
      doneText: (r) => '结存 balance ' + FR.qty(r.balance, u) }));
    bind('writeoff-form', (v) => ({ label: '报废 Write-off · ' + name + ' ×' + v.quantity, path: '/api/lots/' + lotId + '/write-offs',
      json: { quantity: Number(v.quantity), reason: v.reason, note: v.note || undefined }, stampTime: true,
      doneText: (r) => '结存 balance ' + FR.qty(r.balance, u) }));
    bind('condition-form', (v) => ({ label: '状态 Condition · ' + name + ' → ' + FR.t('condition', v.condition), path: '/api/lots/' + lotId + '/condition',
      json: { condition: v.condition, note: v.note || undefined } }));
    if (equipment) {
      bind('test-form', (v) => ({ label: '试机 Test run · ' + name + ' · ' + v.result, path: '/api/lots/' + lotId + '/test-runs',
        json: { result: v.result, testedAt: new Date().toISOString(), note: v.note || undefined } }));
    }
    function bind(id, make) {
      const form = FR.$(id);
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        const v = FR.checkForm(form, u);
        if (v) FR.submit(form, make(v), (r) => { if (r) reload(id); else form.reset(); });
      });
    }
    loadCard(lotId, u);
  };

  async function loadCard(lotId, u) {
    try {
      const card = await FR.get('/api/lots/' + lotId + '/movements?size=20&sort=-id');
      const KIND = { receipt: '入库 receipt', issue: '出库 issue', transfer: '调拨 transfer', adjustment: '盘点 count', write_off: '报废 write-off', condition_change: '状态 condition' };
      FR.$('stock-card').innerHTML = card.items.map((m) => '<li><span>' + esc(FR.time(m.at)) + '</span><span>' + esc(KIND[m.kind] || m.kind)
        + '</span><span class="num">' + (m.quantity > 0 ? '+' : '') + FR.qty(m.quantity, u) + '</span><span class="num">' + FR.qty(m.balance, u) + '</span>'
        + (m.photoUrl ? '<a class="note-photo" href="' + esc(m.photoUrl + '?access_token=' + encodeURIComponent(FR.token())) + '" target="_blank" rel="noopener">'
          + '<img src="' + esc(m.photoUrl + '?access_token=' + encodeURIComponent(FR.token())) + '" alt="送货单照片 Delivery note photo" loading="lazy"><span>送货单 Delivery note</span></a>' : '')
        + '</li>').join('');
    } catch (e) { /* the card is extra; the lot itself is shown */ }
  }

  // ---------- transfers ----------
  FR.views.transfers = async (view, baseId) => {
    const list = await FR.get('/api/transfers?size=100&baseId=' + baseId);
    const canKeep = FR.can.keep() || FR.can.duty();
    view.innerHTML = FR.head('调拨 Transfers', '#base/' + baseId, list.__keptAt)
      + (list.items.length ? '<ul class="list">' + list.items.map((t) => {
        const out = String(t.fromBaseId) === String(baseId);
        let action = '';
        if (canKeep && t.tracked && out && t.status === 'dispatched') action = '<button type="button" class="primary" data-act="depart" data-id="' + t.id + '">确认出发 Confirm departure</button>';
        if (canKeep && t.tracked && !out && t.status === 'in_transit') action = '<button type="button" class="primary" data-act="receive" data-id="' + t.id + '">确认接收 Confirm receipt</button>';
        return '<li class="card"><b>' + (out ? '调出 Out → ' + esc(t.toBaseNameZh || t.toBaseId) : '调入 In ← ' + esc(t.fromBaseNameZh || t.fromBaseId)) + '</b>'
          + '<span>' + esc(t.itemNameZh || '') + ' ' + FR.qty(t.quantity, t.unitOfMeasure) + ' · ' + esc(FR.t('transferStatus', t.status)) + '</span>'
          + action + '<p class="result" role="status"></p></li>';
      }).join('') + '</ul>' : '<p class="muted">没有调拨 No transfers</p>');
    view.querySelectorAll('button[data-act]').forEach((b) => b.addEventListener('click', async () => {
      b.disabled = true;
      const entry = await FR.enqueue({ label: (b.dataset.act === 'depart' ? '调拨出发 Transfer departs #' : '调拨接收 Transfer received #') + b.dataset.id,
        path: '/api/transfers/' + b.dataset.id + '/' + b.dataset.act, json: {} });
      const done = await FR.settled(entry.id, 6000);
      const out = b.parentElement.querySelector('.result');
      out.textContent = done.status === 'sent' ? '已完成 Done' : done.status === 'refused' ? done.error : '已保存，联网后发送 Saved; sent when online';
      out.className = 'result ' + (done.status === 'refused' ? 'error' : 'good');
    }));
  };

  // ---------- stocktake ----------
  FR.views.stocktake = async (view, baseId) => {
    const base = await FR.get('/api/bases/' + baseId);
    const open = await FR.get('/api/stocktakes?status=open&baseId=' + baseId);
    if (!open.items.length) {
      view.innerHTML = FR.head('盘点 Stocktake<small>' + esc(base.nameZh) + '</small>', '#base/' + baseId)
        + '<p>本仓库没有进行中的盘点。 No count sheet is open at this base.</p>'
        + '<form id="open-form" class="form" novalidate><button type="submit" class="primary">开始盘点 Open count sheet</button><p class="result" role="status"></p></form>';
      const form = FR.$('open-form');
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        FR.submit(form, { label: '盘点开始 Stocktake opened · ' + base.nameZh, path: '/api/bases/' + baseId + '/stocktakes', json: {} },
          (r) => { if (r) FR.refresh(); });
      });
      return;
    }
    const sheet = await FR.get('/api/stocktakes/' + open.items[0].id);
    drawSheet(view, base, sheet);
  };

  function drawSheet(view, base, sheet) {
    const counted = sheet.lines.filter((l) => l.counted != null).length;
    view.innerHTML = FR.head('盘点 Stocktake<small>' + esc(base.nameZh) + '</small>', '#base/' + base.id, sheet.__keptAt)
      + '<p class="level">已盘 Counted <b id="counted">' + counted + '</b> / ' + sheet.lines.length
      + ' · 可中途停止，换手机也能继续 You may stop and continue later, also on another phone</p>'
      + '<ul class="list sheet">' + sheet.lines.map((l) => '<li data-lot="' + l.lotId + '" class="' + (l.counted != null ? 'done' : '') + '">'
        + '<div><b>' + esc(l.itemNameZh) + '</b> <span class="code">' + esc(l.lotCode) + '</span></div>'
        + '<div class="count-row"><span class="book">账面 Book <b>' + FR.qty(l.book, l.unitOfMeasure) + '</b></span>'
        + '<label class="inline">实盘 Counted <input name="counted" data-quantity inputmode="' + (FR.countable(l.unitOfMeasure) ? 'numeric' : 'decimal') + '" value="' + (l.counted == null ? '' : l.counted) + '"></label>'
        + '<button type="button" class="save">保存 Save</button></div>'
        + '<p class="diff">' + (l.difference == null ? '' : '差异 Difference ' + (l.difference > 0 ? '+' : '') + FR.qty(l.difference, l.unitOfMeasure)) + '</p></li>').join('') + '</ul>'
      + '<form id="close-form" class="form" novalidate><button type="submit" class="primary">结束盘点 Close the sheet</button><p class="result" role="status"></p></form>';
    view.querySelectorAll('.sheet li').forEach((li) => {
      const line = sheet.lines.find((l) => String(l.lotId) === li.dataset.lot);
      li.querySelector('.save').addEventListener('click', async () => {
        const input = li.querySelector('input');
        const v = Number(input.value);
        const diff = li.querySelector('.diff');
        if (input.value === '' || !(v >= 0) || (FR.countable(line.unitOfMeasure) && !Number.isInteger(v))) {
          input.classList.add('invalid');
          diff.className = 'diff error';
          diff.textContent = FR.countable(line.unitOfMeasure) ? '请填整数 Enter a whole number ≥ 0' : '请填数量 Enter a quantity ≥ 0';
          return;
        }
        input.classList.remove('invalid');
        const entry = await FR.enqueue({ label: '盘点 Count · ' + line.itemNameZh + ' ' + line.lotCode + ' = ' + v, method: 'PUT',
          path: '/api/stocktakes/' + sheet.id + '/lines/' + line.lotId, json: { countedQuantity: v } });
        const done = await FR.settled(entry.id, 6000);
        line.counted = v;
        li.classList.add('done');
        const d = v - line.book;
        diff.className = 'diff' + (done.status === 'refused' ? ' error' : d !== 0 ? ' warn' : '');
        diff.textContent = done.status === 'refused' ? done.error
          : '差异 Difference ' + (d > 0 ? '+' : '') + FR.qty(d, line.unitOfMeasure) + (done.status === 'pending' ? ' · 待发送 pending' : '');
        FR.$('counted').textContent = String(sheet.lines.filter((l) => l.counted != null).length);
      });
    });
    const form = FR.$('close-form');
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const missing = sheet.lines.filter((l) => l.counted == null);
      if (missing.length) {
        form.querySelector('.result').className = 'result error';
        form.querySelector('.result').textContent = '还有 ' + missing.length + ' 行未盘 lines not counted yet';
        return;
      }
      FR.submit(form, { label: '盘点结束 Stocktake closed · ' + base.nameZh, path: '/api/stocktakes/' + sheet.id + '/close', json: {},
        doneText: () => '差异已记入台账 Differences booked in the ledger' });
    });
  }

  // ---------- scan a lot label ----------
  FR.views.scan = async (view, baseId) => {
    view.innerHTML = FR.head('扫码 Scan a lot', '#base/' + baseId)
      + '<form id="scan-form" class="form" novalidate><label>批号 Lot code <input name="lotCode" required autocapitalize="characters"></label>'
      + '<button type="submit" class="primary">打开 Open</button><p class="result" role="status"></p></form>'
      + ('BarcodeDetector' in window ? '<button type="button" id="camera" class="big-button">📷 用相机扫码 Scan with the camera</button><video id="video" playsinline hidden></video>'
        : '<p class="muted">此浏览器不能扫码，请输入批号 This browser cannot scan: type the lot code</p>');
    const form = FR.$('scan-form');
    async function open(code) {
      const text = String(code).trim();
      const m = text.match(/lot\/(\d+)/);
      if (m) return FR.go('#lot/' + m[1]);
      const lots = await FR.get('/api/lots?size=500&includeEmpty=true&baseId=' + baseId);
      const lot = lots.items.find((l) => l.lotCode.toUpperCase() === text.toUpperCase());
      if (lot) return FR.go('#lot/' + lot.id);
      FR.markFields(form, { lotCode: '本仓库没有这个批号 No such lot at this base' });
    }
    form.addEventListener('submit', (ev) => { ev.preventDefault(); const v = FR.checkForm(form); if (v) open(v.lotCode); });
    const camera = FR.$('camera');
    if (camera) camera.addEventListener('click', () => FR.scanQr(FR.$('video'), open, form.querySelector('.result')));
  };
})();
