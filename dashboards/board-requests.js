/* FloodReady duty-room board: the supply requests panel (物资申请). Pending requests are approved line by line
   (whole, partly, refused with a reason), the server's proposed allocation is edited and saved, the allocation is
   dispatched and each dispatch note printed (A4 or 80 mm). Uses the board's helpers (window.FloodBoard). */
(function () {
  'use strict';
  const B = window.FloodBoard;
  if (!B) return;
  const { api, esc, fmtTime, fmtNum, actionButton, afterWrite, emptyNote, isDutyRoom } = B;
  const $ = (id) => document.getElementById(id);
  const STATUS = { pending: '待审批 pending', approved: '已批准 approved', refused: '未批准 refused',
    dispatched: '已发出 dispatched', received: '已签收 received' };
  const DECISION = { pending: '待定 pending', approved: '全部批准 approved', partly: '部分批准 partly', refused: '不批准 refused' };
  const ACTIONS = { 'request.create': '提出申请 filed', 'request.decide': '审批 decided', 'request.allocate': '调配 allocated',
    'request.dispatch': '发出 dispatched', 'dispatch.receive': '签收 received' };
  const state = { request: null, proposal: null, key: null };

  function newKey() { return 'req-' + Date.now() + '-' + Math.random().toString(16).slice(2); }
  function qty(v, uom) { return fmtNum(v) + (uom ? ' ' + esc(uom) : ''); }
  function badge(status) { return '<span class="badge req-' + esc(status) + '">' + esc(STATUS[status] || status) + '</span>'; }

  function requests(data, def) {
    const items = data.items || [];
    if (!items.length) return emptyNote(def.empty);
    const ul = document.createElement('ul');
    ul.className = 'requests';
    for (const r of items) {
      const li = document.createElement('li');
      li.dataset.id = r.id;
      li.dataset.status = r.status;
      const late = r.status !== 'received' && Date.parse(r.neededBy) < Date.now();
      li.innerHTML = '<div class="what"><strong>#' + esc(r.id) + ' ' + esc(r.unitNameZh) + '</strong> ' + badge(r.status)
        + (late ? ' <span class="badge red">已过需用时间 late</span>' : '')
        + '<br><small>' + (r.incidentTitle ? '险情 Incident: ' + esc(r.incidentTitle) + ' · ' : '')
        + (r.toBaseNameZh ? '送往 To ' + esc(r.toBaseNameZh) + ' · ' : (r.address ? esc(r.address) + ' · ' : ''))
        + '需用 Needed by ' + esc(fmtTime(r.neededBy)) + ' · ' + esc(r.lineCount) + ' 项 lines · '
        + esc(r.requestedByName || r.requestedBy) + '</small></div>';
      li.appendChild(actionButton(isDutyRoom() && r.status === 'pending' ? '审批 Decide'
        : isDutyRoom() && r.status === 'approved' ? '调配发出 Allocate' : '查看 Open', () => open(r.id), 'open-request'));
      ul.appendChild(li);
    }
    return ul;
  }

  async function open(id) {
    $('request-error').textContent = '';
    $('request-body').innerHTML = '<p class="muted">加载中 Loading…</p>';
    $('request-buttons').innerHTML = '';
    if (!$('request-dialog').open) $('request-dialog').showModal();
    try {
      show(await api('/api/requests/' + id));
    } catch (e) {
      $('request-error').textContent = e.message;
    }
  }

  function show(r) {
    $('request-error').textContent = '';
    state.request = r;
    state.proposal = null;
    state.key = newKey();
    $('request-title').textContent = '物资申请 Request #' + r.id + ' · ' + r.unitNameZh;
    const where = r.toBaseNameZh ? '送往基地 To base ' + r.toBaseNameZh
      : (r.incidentTitle ? '险情 Incident: ' + r.incidentTitle : '') + (r.address ? ' ' + r.address : '');
    let html = '<p>' + badge(r.status) + ' 需用 Needed by ' + esc(fmtTime(r.neededBy)) + ' · ' + esc(where)
      + (r.note ? '<br><small>' + esc(r.note) + '</small>' : '') + '</p>';
    const pending = r.status === 'pending' && isDutyRoom();
    html += '<div class="table-wrap"><table class="request-lines"><thead><tr><th>物资 Item</th><th>申请 Asked</th>'
      + (pending ? '<th>批准 Approve</th><th>理由 Reason</th>' : '<th>审批 Decision</th><th>已发 Sent</th><th>实收 Received</th>')
      + '</tr></thead><tbody>';
    for (const l of r.lines) {
      html += '<tr data-line="' + l.id + '"><td>' + esc(l.itemNameZh) + ' <small>' + esc(l.itemNameEn) + '</small></td><td>'
        + qty(l.quantity, l.unitOfMeasure) + '</td>';
      if (pending) {
        html += '<td><input class="approve" type="number" min="0" step="any" inputmode="decimal" value="' + esc(l.quantity)
          + '" aria-label="批准数量 Approved quantity"></td><td><input class="reason" maxlength="500" placeholder="少批或不批时必填 required below asked"'
          + ' aria-label="理由 Reason"></td>';
      } else {
        html += '<td>' + esc(DECISION[l.decision] || l.decision) + (l.approvedQuantity != null ? ' ' + qty(l.approvedQuantity, l.unitOfMeasure) : '')
          + (l.reason ? '<br><small>' + esc(l.reason) + '</small>' : '') + '</td><td>' + qty(l.dispatched) + '</td><td>' + qty(l.received) + '</td>';
      }
      html += '</tr>';
    }
    html += '</tbody></table></div>';
    if (r.allocation.length) {
      html += '<h3>已调配待发出 Allocated, not yet sent</h3>' + allocationTable(r.allocation);
    }
    if (r.dispatches.length) {
      html += '<h3>出库单 Dispatch notes</h3><ul class="dispatches">' + r.dispatches.map(dispatchItem).join('') + '</ul>';
    }
    html += '<details><summary>记录 History (' + r.history.length + ')</summary><ol class="history">'
      + r.history.map((h) => '<li>' + esc(fmtTime(h.at)) + ' · ' + esc(h.by) + ' · ' + esc(ACTIONS[h.action] || h.action) + '</li>').join('')
      + '</ol></details><div id="allocation-editor"></div>';
    $('request-body').innerHTML = html;
    buttons(r);
  }

  function allocationTable(rows) {
    return '<div class="table-wrap"><table><thead><tr><th>物资 Item</th><th>基地 Base</th><th>批次 Lot</th><th>数量 Qty</th></tr></thead><tbody>'
      + rows.map((a) => '<tr><td>' + esc(a.itemNameZh) + '</td><td>' + esc(a.baseNameZh) + (a.overrideReason ? '<br><small>超定额 override: '
        + esc(a.overrideReason) + '</small>' : '') + '</td><td>' + esc(a.lotCode) + (a.expiresOn ? '<br><small>到期 exp. ' + esc(a.expiresOn) + '</small>' : '')
        + '</td><td>' + qty(a.quantity, a.unitOfMeasure) + '</td></tr>').join('') + '</tbody></table></div>';
  }

  function dispatchItem(d) {
    const pdf = (size) => d.noteUrl + '?paper=' + size + '&access_token=' + encodeURIComponent(sessionStorage.getItem('floodready.token'));
    return '<li data-dispatch="' + d.id + '"><strong>' + esc(d.code) + '</strong> ' + esc(d.fromBaseNameZh) + ' → ' + esc(d.destination)
      + ' · ' + esc(d.status === 'received' ? '已签收 received ' + fmtTime(d.receivedAt) : '在途 on the way') + '<br>'
      + '<a class="button small print-a4" target="_blank" rel="noopener" href="' + esc(pdf('a4')) + '">打印 A4 Print</a> '
      + '<a class="button small print-receipt" target="_blank" rel="noopener" href="' + esc(pdf('receipt')) + '">80 mm 小票 Receipt</a></li>';
  }

  function button(label, cls, onClick, primary) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button' + (primary ? ' primary' : '') + ' ' + cls;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  function buttons(r) {
    const bar = $('request-buttons');
    bar.innerHTML = '';
    bar.appendChild(button('关闭 Close', 'close-request', () => $('request-dialog').close()));
    if (!isDutyRoom()) return;
    if (r.status === 'pending') {
      bar.appendChild(button('全部不批 Refuse all', 'refuse-all', () => decide(true)));
      bar.appendChild(button('提交审批 Submit decision', 'submit-decision', () => decide(false), true));
    }
    const open = r.lines.some((l) => Number(l.approvedQuantity || 0) > Number(l.dispatched || 0));
    if (['approved', 'dispatched', 'received'].includes(r.status) && open) {
      bar.appendChild(button(r.allocation.length ? '重新调配 Edit allocation' : '调配 Allocate', 'edit-allocation', loadProposal));
      if (r.allocation.length) bar.appendChild(button('发出并打印出库单 Dispatch', 'dispatch', dispatch, true));
    }
  }

  const ERRORS = { below_quota: '会低于该基地自身定额，须填写超定额理由 Below the base\'s own quota: give a reason',
    insufficient_stock: '超出可用库存 More than is usable', over_approved: '超出批准数量 More than approved',
    request_changed: '申请已被他人修改，请重新打开 Changed by someone else: open it again',
    request_already_decided: '已被其他值班员审批 Already decided by another officer',
    nothing_allocated: '没有待发出的调配 Nothing allocated to send', request_not_approved: '申请尚未批准 Not approved',
    validation_failed: '填写有误 Please check', forbidden: '无权操作 Not allowed' };
  const FIELDS = { reason: '理由 reason', approvedQuantity: '批准数量 approved quantity', lotId: '批次 lot', quantity: '数量 quantity',
    lineId: '物资 item', overrides: '超定额理由 override reason', picks: '调配 allocation', lines: '物资 items', version: '版本 version' };
  /** "lines[0].reason" as "第1项 理由 reason". */
  function fieldName(k) {
    const m = k.match(/^(?:lines|picks|overrides)\[(\d+)\]\.(\w+)$/);
    return m ? '第' + (Number(m[1]) + 1) + '项 ' + (FIELDS[m[2]] || m[2]) : (FIELDS[k] || k);
  }

  function fail(e) {
    const b = e.body || {};
    let text = e.offline ? '服务器无法连接 Server unreachable'
      : (ERRORS[b.error] ? ERRORS[b.error] + ' · ' : '') + (b.message || e.message);
    if (b.fields && b.error === 'validation_failed') {
      text = ERRORS.validation_failed + '：' + Object.entries(b.fields).map(([k, v]) => fieldName(k) + ' ' + v).join('；');
    }
    if (b.available) {
      text += ' — 可用 Available: ' + b.available.map((a) => a.baseNameZh + ' 可用 usable ' + fmtNum(a.usable)
        + ' / 可调 spare ' + fmtNum(a.spare) + (a.asked != null ? ' (要 asked ' + fmtNum(a.asked) + ')' : '')).join('；');
    }
    $('request-error').textContent = text;
  }

  async function decide(refuseAll) {
    const r = state.request;
    const rows = [...$('request-body').querySelectorAll('tr[data-line]')];
    const lines = rows.map((tr) => {
      const reason = tr.querySelector('.reason').value.trim() || null;
      return { lineId: Number(tr.dataset.line), approvedQuantity: refuseAll ? 0 : Number(tr.querySelector('.approve').value), reason };
    });
    if (refuseAll && lines.some((l) => !l.reason)) { $('request-error').textContent = '不批准须填写理由 Give a reason on every line'; return; }
    try {
      const next = await api('/api/requests/' + r.id + '/decision', { json: { version: r.version, lines }, idempotent: state.key });
      show(next);
      afterWrite('requests');
    } catch (e) {
      fail(e);
      if (e.status === 409) state.key = newKey();
    }
  }

  async function loadProposal() {
    const r = state.request;
    $('request-error').textContent = '';
    try {
      state.proposal = await api('/api/requests/' + r.id + '/allocation');
      editor();
    } catch (e) { fail(e); }
  }

  /** The proposal as editable rows per line: proposed lots first, then every other usable lot to add from. */
  function editor() {
    const ed = $('allocation-editor');
    let html = '<h3>调配方案 Allocation (就近、不低于定额、先到期先出 nearest, within quota, FEFO)</h3>';
    for (const line of state.proposal.lines) {
      const picked = new Map(line.picks.map((p) => [p.lotId, p.quantity]));
      html += '<h4>' + esc(line.itemNameZh) + ' · 需调 need ' + fmtNum(line.need)
        + (Number(line.uncovered) > 0 ? ' · <span class="badge red">缺 uncovered ' + fmtNum(line.uncovered) + '</span>' : '') + '</h4>'
        + '<div class="table-wrap"><table class="allocation" data-line="' + line.lineId + '"><thead><tr><th>基地 Base</th><th>批次 Lot</th>'
        + '<th>可用 Usable</th><th>调用 Take</th></tr></thead><tbody>';
      for (const b of line.bases) {
        for (const lot of b.lots) {
          html += '<tr data-lot="' + lot.lotId + '" data-base="' + b.baseId + '"' + (b.atQuota ? ' class="at-quota"' : '') + '><td>'
            + esc(b.baseNameZh) + '<br><small>' + (b.distanceKm != null ? fmtNum(b.distanceKm) + ' km · ' : '')
            + (b.atQuota ? '已到定额 at quota' : '可调 spare ' + fmtNum(b.spare)) + '</small></td><td>' + esc(lot.lotCode)
            + (lot.expiresOn ? '<br><small>到期 exp. ' + esc(lot.expiresOn) + '</small>' : '')
            + (lot.lastTestResult === 'pass' ? '<br><small>试机合格 test passed</small>' : '') + '</td><td>' + fmtNum(lot.quantity)
            + '</td><td><input class="take" type="number" min="0" step="any" inputmode="decimal" value="' + esc(picked.get(lot.lotId) || 0)
            + '" aria-label="调用数量 Quantity to take"></td></tr>';
        }
      }
      html += '</tbody></table></div>';
    }
    const quotaBases = new Map();
    state.proposal.lines.forEach((l) => l.bases.filter((b) => b.atQuota).forEach((b) => quotaBases.set(b.baseId, b.baseNameZh)));
    if (quotaBases.size) {
      html += '<p class="muted">从已到定额的基地调用须说明理由 Taking from a base at its quota needs a reason:</p>'
        + [...quotaBases].map(([id, name]) => '<label>' + esc(name) + ' 超定额理由 Override reason <input class="override" data-base="' + id
          + '" maxlength="500"></label>').join('');
    }
    ed.innerHTML = html;
    const bar = $('request-buttons');
    bar.querySelectorAll('.save-allocation').forEach((b) => b.remove());
    bar.appendChild(button('保存调配 Save allocation', 'save-allocation', saveAllocation, true));
    ed.scrollIntoView({ block: 'start' });
  }

  async function saveAllocation() {
    const r = state.request;
    const picks = [];
    $('allocation-editor').querySelectorAll('table.allocation').forEach((t) => {
      t.querySelectorAll('tr[data-lot]').forEach((tr) => {
        const q = Number(tr.querySelector('.take').value);
        if (q > 0) picks.push({ lineId: Number(t.dataset.line), lotId: Number(tr.dataset.lot), quantity: q });
      });
    });
    const overrides = [...$('allocation-editor').querySelectorAll('input.override')].filter((i) => i.value.trim())
      .map((i) => ({ baseId: Number(i.dataset.base), reason: i.value.trim() }));
    if (!picks.length) { $('request-error').textContent = '没有调用任何批次 Nothing allocated'; return; }
    try {
      show(await api('/api/requests/' + r.id + '/allocation', { method: 'PUT', json: { picks, overrides }, idempotent: state.key }));
      afterWrite('requests');
    } catch (e) {
      fail(e);
      state.key = newKey();
    }
  }

  async function dispatch() {
    const r = state.request;
    try {
      const out = await api('/api/requests/' + r.id + '/dispatch', { json: {}, idempotent: state.key });
      show(out.request);
      afterWrite('requests', 'transfers', 'coverage');
    } catch (e) {
      fail(e);
      state.key = newKey();
    }
  }

  B.register('requests', requests);
  // the incident dialog (board-incidents.js) lists the incident's requests and opens them here
  B.requestBadge = badge;
  B.openRequest = open;
})();
