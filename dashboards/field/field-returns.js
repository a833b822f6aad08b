/* FloodReady field app: a keeper books equipment back from incidents (器材归还) at his base: what is still out
   from this base's lots, each with the quantity and its condition (good / needs repair / lost). A return goes
   through the outbox like every write, so it works offline and is booked once. */
(function () {
  'use strict';
  const FR = window.FR;
  const esc = FR.esc;
  FR.T.returnCondition = { good: '完好 good', needs_repair: '待修 needs repair', lost: '丢失 lost' };

  FR.views.returns = async (view, baseId) => {
    const [base, out] = await Promise.all([FR.get('/api/bases/' + baseId), FR.get('/api/returns/outstanding')]);
    const lines = out.items.filter((l) => String(l.baseId) === String(baseId));
    view.innerHTML = FR.head('器材归还 Returns<small>' + esc(base.nameZh) + '</small>', '#base/' + baseId, out.__keptAt)
      + '<p class="muted">从本库发往险情、尚未归还的器材 Equipment from this base still out at incidents</p>'
      + (lines.length ? '<ul class="list">' + lines.map((l, i) => '<li class="card" data-return-lot="' + l.lotId + '">'
        + '<div class="item-head"><b>' + esc(l.itemNameZh) + '</b> <span>' + esc(l.itemNameEn || '') + '</span></div>'
        + '<small>批次 Lot ' + esc(l.lotCode) + ' · 险情 #' + l.incidentId + ' ' + esc(l.incidentTitle)
        + ' <span class="chip">' + esc(FR.t('incidentStatus', l.incidentStatus)) + '</span></small>'
        + '<small>发出 issued ' + FR.qty(l.issued, l.unitOfMeasure) + ' · 未归还 still out <b class="still-out">' + FR.qty(l.out, l.unitOfMeasure) + '</b></small>'
        + '<form class="form return-form" data-i="' + i + '" novalidate>'
        + '<label>数量 Qty <input name="quantity" inputmode="decimal" data-quantity required value="' + esc(l.out) + '"></label>'
        + '<label>状况 Condition <select name="condition">' + Object.keys(FR.T.returnCondition).map((k) => '<option value="' + k + '">'
          + esc(FR.T.returnCondition[k]) + '</option>').join('') + '</select></label>'
        + '<button type="submit" class="primary">归还 Book the return</button><p class="result" role="status"></p></form></li>').join('') + '</ul>'
        : '<p class="muted">没有未归还的器材 Nothing is out</p>');
    view.querySelectorAll('form.return-form').forEach((form) => form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const l = lines[Number(form.dataset.i)];
      const v = FR.checkForm(form, l.unitOfMeasure);
      if (!v) return;
      FR.submit(form, { label: '归还 Return · ' + l.itemNameZh + ' ' + v.quantity, path: '/api/incidents/' + l.incidentId + '/returns',
        json: { lotId: l.lotId, quantity: Number(v.quantity), condition: v.condition },
        doneText: (r) => '未归还 still out ' + FR.qty(r && r.stillOut, l.unitOfMeasure) },
      (r) => { if (r) setTimeout(() => FR.refresh(), 1200); });
    }));
  };
})();
