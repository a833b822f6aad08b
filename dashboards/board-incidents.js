/* FloodReady board: the incidents panel (险情: open incidents, severity, age, status; the duty room moves them
   on and sends standby teams) and the rescue-team panel (standby / deployed per unit against the requirement). */
(function () {
  'use strict';
  const B = window.FloodBoard;
  if (!B) return;
  const esc = B.esc;
  const STATUS = { reported: '已上报 reported', responding: '处置中 responding', under_control: '已控制 under control', closed: '已结束 closed' };
  const ORDER = ['reported', 'responding', 'under_control', 'closed'];
  const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 };

  function ageText(iso) {
    const m = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60000));
    return m < 60 ? m + ' 分钟 min' : m < 1440 ? Math.floor(m / 60) + ' 小时 h ' + (m % 60) + ' 分 min' : Math.floor(m / 1440) + ' 天 d';
  }

  let current = null;
  const dialog = document.createElement('dialog');
  dialog.id = 'incident-dialog';
  dialog.innerHTML = '<form id="incident-form" method="dialog"><h2 id="incident-title"></h2><p id="incident-what"></p>'
    + '<label id="incident-status-label">新状态 New status <select id="incident-status"></select></label>'
    + '<label id="incident-team-label"><span id="incident-team-caption"></span> <select id="incident-team"></select></label>'
    + '<label id="incident-after-label">撤回后 Afterwards <select id="incident-after"><option value="resting">休整 resting</option>'
    + '<option value="standby">待命 standby</option></select></label>'
    + '<label id="incident-note-label">说明 Note <textarea id="incident-note" rows="3" maxlength="2000"></textarea></label>'
    + '<section id="incident-requests"><h3>物资申请 Supply requests</h3><div id="incident-request-list"></div></section>'
    + '<p id="incident-error" class="error" role="alert"></p>'
    + '<div class="dialog-buttons"><button id="incident-cancel" type="button" class="button">取消 Cancel</button>'
    + '<button id="incident-submit" type="submit" class="button primary">确认 Confirm</button></div></form>';
  document.body.appendChild(dialog);
  const $ = (id) => document.getElementById(id);
  $('incident-cancel').addEventListener('click', () => dialog.close());

  function open(incident, action) {
    // one key per opened dialog: a second click or a retry after a lost answer books the change once
    current = { incident, action, key: 'board-' + action + '-' + incident.id + '-' + Date.now() };
    $('incident-title').textContent = action === 'status' ? '险情状态 Incident status'
      : action === 'team' ? '派出抢险队伍 Send a rescue team' : action === 'requests' ? '险情物资申请 Requests for the incident'
        : '撤回抢险队伍 Stand a team down';
    $('incident-what').textContent = incident.title + ' · ' + (incident.unitNameZh || '') + ' · ' + STATUS[incident.status];
    $('incident-status-label').hidden = action !== 'status';
    $('incident-team-label').hidden = action === 'status' || action === 'requests';
    $('incident-note-label').hidden = action === 'requests';
    $('incident-submit').hidden = action === 'requests';
    $('incident-cancel').textContent = action === 'requests' ? '关闭 Close' : '取消 Cancel';
    $('incident-after-label').hidden = action !== 'standDown';
    $('incident-team-caption').textContent = action === 'team' ? '派出队伍 Team to send' : '撤回队伍 Team to stand down';
    $('incident-error').textContent = '';
    $('incident-note').value = '';
    $('incident-note').required = action === 'status';
    const next = ORDER.slice(ORDER.indexOf(incident.status) + 1);
    $('incident-status').innerHTML = next.map((s) => '<option value="' + s + '">' + esc(STATUS[s]) + '</option>').join('');
    showRequests(incident);
    if (action !== 'status' && action !== 'requests') {
      $('incident-team').innerHTML = '<option value="">加载中 Loading…</option>';
      const which = action === 'team' ? 'status=standby' : 'incidentId=' + incident.id;
      B.api('/api/rescue-teams?' + which + '&size=200&sort=unit').then((teams) => {
        $('incident-team').innerHTML = teams.items.length ? teams.items.map((t) => '<option value="' + t.id + '">' + esc(t.name)
          + ' · ' + esc(t.unitNameZh) + ' · ' + t.members + ' 人 · ' + esc((t.specialitiesZh || []).join('、')) + '</option>').join('')
          : '<option value="">' + (action === 'team' ? '无待命队伍 No team on standby' : '无在场队伍 No team at this incident') + '</option>';
      }).catch((e) => { $('incident-error').textContent = e.message; });
    }
    dialog.showModal();
  }

  const LINE_FIGURES = [['approvedQuantity', '批准 approved'], ['sent', '发出 sent'], ['received', '签收 received'],
    ['shortage', '短缺 short']];

  /** The requests filed for the incident, with their status and per line asked → approved → received. */
  async function showRequests(incident) {
    const list = $('incident-request-list');
    list.innerHTML = '<p class="muted">加载中 Loading…</p>';
    try {
      const detail = await B.api('/api/incidents/' + incident.id);
      const requests = detail.requests || [];
      if (!requests.length) { list.innerHTML = '<p class="muted">尚无物资申请 No request filed for it</p>'; return; }
      const ul = document.createElement('ul');
      ul.className = 'requests';
      for (const r of requests) {
        const li = document.createElement('li');
        li.dataset.id = r.id;
        const lines = (r.lines || []).map((l) => esc(l.itemNameZh) + ' ' + B.fmtNum(l.quantity) + ' ' + esc(l.unitOfMeasure)
          + LINE_FIGURES.filter(([k]) => l[k] != null && !(k === 'shortage' && !Number(l[k])))
            .map(([k, label]) => ' · ' + label + ' ' + B.fmtNum(l[k])).join('')).join('；');
        li.innerHTML = '<div class="what"><strong>#' + esc(r.id) + ' ' + esc(r.unitNameZh) + '</strong> '
          + (B.requestBadge ? B.requestBadge(r.status) : esc(r.status)) + '<br><small>' + lines + '<br>'
          + esc(r.requestedByName || r.requestedBy) + ' · ' + esc(B.fmtTime(r.requestedAt)) + '</small></div>';
        if (B.openRequest) li.appendChild(B.actionButton('查看 Open', () => B.openRequest(r.id), 'open-incident-request'));
        ul.appendChild(li);
      }
      list.replaceChildren(ul);
    } catch (e) {
      list.innerHTML = '<p class="error">' + esc(e.message) + '</p>';
    }
  }

  $('incident-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const { incident, action, key } = current;
    const note = $('incident-note').value.trim();
    try {
      if (action === 'status') {
        await B.api('/api/incidents/' + incident.id + '/status', { json: { status: $('incident-status').value, note,
          version: incident.version }, idempotent: 'incident-' + incident.id + '-v' + incident.version });
      } else {
        const teamId = Number($('incident-team').value);
        if (!teamId) { $('incident-error').textContent = '请选择队伍 Choose a team'; return; }
        if (action === 'team') {
          await B.api('/api/incidents/' + incident.id + '/teams', { json: note ? { teamId, note } : { teamId },
            idempotent: key + '-' + teamId });
        } else {
          const body = { status: $('incident-after').value };
          if (note) body.note = note;
          await B.api('/api/rescue-teams/' + teamId + '/stand-down', { json: body,
            idempotent: key + '-' + teamId });
        }
      }
      dialog.close();
      B.afterWrite('incidents', 'teams', 'readiness');
    } catch (e) {
      $('incident-error').textContent = e.offline ? '服务器无法连接 Server unreachable'
        : e.status === 409 && e.body && e.body.error === 'stale_version' ? '险情已被他人更新，请刷新后重试 Someone changed it meanwhile: reload and try again'
          : (e.body && e.body.fields ? Object.entries(e.body.fields).map(([k, v]) => k + ': ' + v).join('; ') : e.message);
    }
  });

  B.register('incidents', (data, def) => {
    const items = (data.items || []).map((i) => Object.assign({}, i, {
      severityText: i.severityZh, statusText: i.statusZh,
      ageText: ageText(i.reportedAt), severityRank: SEVERITY_RANK[i.severity], reportedMs: -Date.parse(i.reportedAt)
    }));
    const d = Object.assign({}, def, {
      sortBy: ['severityRank', 'reportedMs'],
      rowActions: (i) => (B.isDutyRoom() ? [
        B.actionButton('状态 Status', () => open(i, 'status'), 'incident-status'),
        B.actionButton('派队 Send team', () => open(i, 'team'), 'incident-team')]
        .concat(i.teamsDeployed ? [B.actionButton('撤队 Stand down', () => open(i, 'standDown'), 'incident-stand-down')] : []) : [])
        .concat([B.actionButton('申请 Requests', () => open(i, 'requests'), 'incident-requests')])
    });
    const table = B.table(data, d, items);
    table.querySelectorAll('td[data-key=severityText]').forEach((td) => {
      const row = items.find((i) => String(i.id) === td.parentElement.dataset.id);
      td.innerHTML = '<span class="badge isev-' + esc(row.severity) + '">' + esc(row.severityText) + '</span>';
    });
    return table;
  });

  B.register('teams', (data, def) => {
    const items = (data.items || []).map((u) => Object.assign({}, u, { short: u.standby < u.required }));
    return B.table(data, def, items);
  });
})();
