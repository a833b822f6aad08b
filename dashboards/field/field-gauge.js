/* FloodReady field app, inspector: my checkpoints with today's thresholds, readings, the warning level they
   give, and the last 48 hours as a small chart. */
(function () {
  'use strict';
  const FR = window.FR;
  const esc = FR.esc;
  FR.views = FR.views || {};

  const KIND = { reservoir: '水库 reservoir', waterlogging: '积水点 waterlogging point' };

  /** The thresholds in force today, blue to red, in the checkpoint's unit. */
  function thresholds(cp) {
    if (cp.kind === 'reservoir') {
      const t = cp.thresholdsNow || {};
      return [['blue', t.blue], ['yellow', t.yellow], ['orange', t.orange], ['red', t.red]];
    }
    const w = cp.waterlogging || {};
    return [['blue', w.watchCm], ['yellow', w.attentionCm], ['orange', w.closeRoadCm], ['red', w.severeCm]];
  }
  function levelChip(level) {
    return '<span class="chip lv lv-' + esc(level || 'none') + '">' + esc(FR.t('level', level || 'none')) + '</span>';
  }
  function thresholdText(cp) {
    return thresholds(cp).filter((x) => x[1] != null).map((x) => '<span class="thr lv-' + x[0] + '">' + esc(FR.t('level', x[0]).slice(0, 2)) + ' ' + x[1] + '</span>').join(' ');
  }

  FR.views.checkpoints = async (view) => {
    const list = await FR.get('/api/checkpoints?size=200');
    const details = list.items.length <= 20
      ? await Promise.all(list.items.map((c) => FR.get('/api/checkpoints/' + c.id).catch(() => c))) : list.items;
    view.innerHTML = FR.head(FR.role() === 'inspector' ? '我的监测点 My checkpoints' : '监测点 Checkpoints', null, list.__keptAt)
      + '<ul class="list">' + details.map((c) => '<li><a class="card" href="#checkpoint/' + c.id + '" data-checkpoint="' + c.id + '">'
        + '<div class="item-head"><b>' + esc(c.nameZh) + '</b> ' + levelChip(c.state && c.state.level) + '</div>'
        + '<span>' + esc(c.nameEn) + ' · ' + esc(KIND[c.kind] || c.kind) + '</span>'
        + '<div class="figures"><span>最新 Last <b>' + (c.state && c.state.lastValue != null ? esc(c.state.lastValue) + ' ' + esc(c.valueUnit) : '—') + '</b></span>'
        + '<span>' + esc(FR.ago(c.state && c.state.lastReadingAt)) + '</span></div>'
        + '<div class="thresholds">' + (c.kind === 'reservoir' && c.thresholdsNow ? '今日汛限 Flood limit today <b>' + esc(c.thresholdsNow.floodLimitLevel) + ' m</b><br>' : '')
        + thresholdText(c) + '</div></a></li>').join('') + '</ul>' + FR.meBlock();
  };

  FR.views.checkpoint = async (view, id) => {
    const cp = await FR.get('/api/checkpoints/' + id);
    const unit = cp.valueUnit;
    const st = cp.state || {};
    view.innerHTML = FR.head(esc(cp.nameZh) + '<small>' + esc(cp.nameEn) + '</small>', '#checkpoints', cp.__keptAt)
      + '<div class="level-now" id="level-now">' + levelChip(st.level) + '<span>' + esc(st.reason || '') + '</span></div>'
      + '<dl class="facts"><dt>最新读数 Last reading</dt><dd id="last-reading">' + lastReading(st, unit) + '</dd>'
      + (cp.kind === 'reservoir' && cp.thresholdsNow ? '<dt>今日汛限水位 Flood-limit today</dt><dd>' + esc(cp.thresholdsNow.floodLimitLevel) + ' m</dd>' : '')
      + '<dt>预警阈值 Thresholds (' + esc(unit) + ')</dt><dd>' + thresholdText(cp) + '</dd></dl>'
      + (FR.can.read() ? '<form id="reading-form" class="form" novalidate>'
        + '<label>读数 Value (' + esc(unit) + ') <input name="value" inputmode="decimal" required></label>'
        + '<label>时间 Time <input name="measuredAt" type="datetime-local" required value="' + FR.localInput(new Date()) + '"></label>'
        + '<button type="submit" class="primary">提交读数 Post reading</button><p class="result" role="status"></p></form>' : '')
      + '<h2>近48小时 Last 48 hours</h2><div id="chart" class="chart"></div>';
    drawChart(cp);
    const form = FR.$('reading-form');
    if (!form) return;
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const v = FR.checkForm(form);
      if (!v) return;
      const value = Number(v.value);
      if (!Number.isFinite(value)) { FR.markFields(form, { value: '请填数字 Enter a number' }); return; }
      const at = new Date(v.measuredAt);
      // Seconds from the press make a second reading in the same minute a different one.
      if (Date.now() - at.getTime() < 60000) at.setSeconds(new Date().getSeconds());
      const done = await FR.submit(form, { label: '读数 Reading · ' + cp.nameZh + ' = ' + value + ' ' + unit, path: '/api/checkpoints/' + id + '/readings',
        json: { value, measuredAt: at.toISOString() } });
      if (done && done.status === 'sent' && done.result.state) {
        const s = done.result.state;
        FR.$('level-now').innerHTML = levelChip(s.level) + '<span>' + esc(s.reason || '') + '</span>';
        FR.$('last-reading').innerHTML = lastReading(s, unit);
        form.querySelector('.result').textContent = '已提交，预警等级 Posted; warning level: ' + FR.t('level', s.level)
          + (done.result.reading && done.result.reading.suspect ? ' · 疑似异常，待确认 suspect, awaits confirmation' : '');
        drawChart(cp);
      }
      form.elements.measuredAt.value = FR.localInput(new Date());
    });
  };

  function lastReading(st, unit) {
    return (st.lastValue != null ? esc(st.lastValue) + ' ' + esc(unit) : '—') + ' · ' + esc(FR.ago(st.lastReadingAt));
  }

  async function drawChart(cp) {
    const box = FR.$('chart');
    try {
      const to = new Date(); const from = new Date(to.getTime() - 48 * 3600000);
      const s = await FR.get('/api/checkpoints/' + cp.id + '/series?points=96&from=' + encodeURIComponent(from.toISOString()) + '&to=' + encodeURIComponent(to.toISOString()));
      const pts = s.buckets.filter((b) => b.count > 0).map((b) => ({ t: Date.parse(b.lastAt), v: b.last }));
      if (!pts.length) { box.innerHTML = '<p class="muted">近48小时没有读数 No readings in the last 48 hours</p>'; return; }
      const thr = thresholds(cp).filter((x) => x[1] != null);
      const vals = pts.map((p) => p.v).concat(thr.slice(0, 3).map((x) => x[1]));
      let lo = Math.min(...vals), hi = Math.max(...vals);
      if (hi - lo < 1e-6) { hi += 1; lo -= 1; }
      const W = 340, H = 160, L = 40, B = 18;
      const x = (t) => L + (t - from.getTime()) / (48 * 3600000) * (W - L - 4);
      const y = (v) => 6 + (hi - v) / (hi - lo) * (H - B - 10);
      const COLORS = { blue: '#42a5f5', yellow: '#fdd835', orange: '#fb8c00', red: '#e53935' };
      box.innerHTML = '<svg viewBox="0 0 ' + W + ' ' + H + '" role="img" aria-label="近48小时读数 Readings in the last 48 hours">'
        + '<rect width="' + W + '" height="' + H + '" fill="#10202e"/>'
        + thr.filter((t) => t[1] >= lo && t[1] <= hi).map((t) => '<line x1="' + L + '" x2="' + W + '" y1="' + y(t[1]).toFixed(1) + '" y2="' + y(t[1]).toFixed(1) + '" stroke="' + COLORS[t[0]] + '" stroke-dasharray="4 3"/>').join('')
        + '<polyline fill="none" stroke="#e8eef4" stroke-width="2" points="' + pts.map((p) => x(p.t).toFixed(1) + ',' + y(p.v).toFixed(1)).join(' ') + '"/>'
        + pts.slice(-1).map((p) => '<circle cx="' + x(p.t).toFixed(1) + '" cy="' + y(p.v).toFixed(1) + '" r="4" fill="#fff"/>').join('')
        + '<text x="2" y="12" fill="#93a4b5" font-size="10">' + hi.toFixed(2) + '</text><text x="2" y="' + (H - B) + '" fill="#93a4b5" font-size="10">' + lo.toFixed(2) + '</text>'
        + '<text x="' + L + '" y="' + (H - 4) + '" fill="#93a4b5" font-size="10">-48 h</text><text x="' + (W - 4) + '" y="' + (H - 4) + '" fill="#93a4b5" font-size="10" text-anchor="end">现在 now</text>'
        + '</svg>';
    } catch (e) {
      box.innerHTML = '<p class="muted">曲线暂不可用 Chart not available</p>';
    }
  }
})();
