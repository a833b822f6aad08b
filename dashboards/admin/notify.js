/* The notification rules page: who hears of each fact and the call-down per alert level, read from
   GET /api/admin/notify-rules and saved whole with PUT under the version read (409 when someone changed them
   meanwhile). Shares the board's login (sessionStorage). Plain JavaScript, no assets. */
(function () {
  'use strict';

  const LEVELS = { red: ['红色', 'Red'], orange: ['橙色', 'Orange'], yellow: ['黄色', 'Yellow'], blue: ['蓝色', 'Blue'] };
  const RULES = {
    'alert.raised': '预警发布或升级 Alert raised or risen',
    'hazard.assigned': '隐患交办 Hazard assigned',
    'hazard.escalated': '隐患逾期挂牌督办 Hazard overdue (escalated)',
    'transfer.dispatched': '物资调拨下达 Transfer dispatched',
    'response_level.changed': '应急响应级别调整 Response level changed',
    'quota.short': '储备低于定额 Base short of quota'
  };
  const KINDS = {
    inspectors: ['监测点巡查员', 'checkpoint inspectors'],
    duty_officers: ['值班员', 'officers on duty'],
    leader_on_call: ['带班领导', 'leader on call'],
    responsibles: ['单位责任人', "the unit's responsible persons"],
    heads: ['区县负责人', 'district head'],
    keepers: ['仓库保管员', 'base keepers'],
    all_responsibles: ['各单位责任人', "every unit's responsible persons"]
  };
  const PROBLEMS = [
    [/^must be > 0/, '须大于 0'], [/^must be <= /, '超出上限'], [/^is required/, '必填'],
    [/^must be a number/, '须为数字'], [/^must have at most 3 decimals/, '最多 3 位小数'],
    [/^must name at least one/, '至少选择一类人员'], [/listed twice/, '重复'], [/^must be one of/, '不可选的人员']
  ];
  const $ = (id) => document.getElementById(id);
  let rules = null;
  let saveKey = null;

  const token = FloodLogin.token;
  const me = FloodLogin.user;
  const isAdmin = () => me().role === 'admin';

  function onShow(user) {
    const allowed = ['admin', 'duty_officer'].includes(user.role);
    $('not-allowed').hidden = allowed;
    $('read-only').hidden = !allowed || isAdmin();
    if (allowed) load();
  }

  async function call(method, body, key) {
    const headers = { Authorization: 'Bearer ' + token() };
    if (body) headers['Content-Type'] = 'application/json';
    if (key) headers['Idempotency-Key'] = key;
    const res = await fetch('/api/admin/notify-rules', { method, headers, body: body ? JSON.stringify(body) : undefined });
    if (res.status === 401) { FloodLogin.expired(); throw new Error('401'); }
    return { status: res.status, body: await res.json().catch(() => ({})) };
  }

  function status(text, kind) {
    $('status').textContent = text;
    $('status').className = kind || '';
  }

  async function load() {
    try {
      const r = await call('GET');
      if (r.status !== 200) { status('加载失败 Loading failed (' + r.status + ')', 'error'); return; }
      rules = r.body;
      saveKey = null;
      render();
      status('');
    } catch (e) {
      if (e.message !== '401') status('无法连接服务器 Cannot reach the server', 'error');
    }
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v;
      else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v === true ? '' : v);
    });
    (children || []).forEach((c) => node.appendChild(c));
    return node;
  }

  function label2(zh, en) {
    const span = el('span');
    span.appendChild(document.createTextNode(zh + ' '));
    span.appendChild(el('span', { class: 'en', lang: 'en', text: en }));
    return span;
  }

  function stepSelect(level, index, value) {
    const select = el('select', { id: 'step-' + level + '-' + index, 'data-field': 'callDown[' + level + '].steps' });
    if (index > 0) select.appendChild(el('option', { value: '', text: '— 无 none' }));
    rules.stepKinds.forEach((k) => select.appendChild(el('option', { value: k, text: KINDS[k][0] + ' ' + KINDS[k][1] })));
    select.value = value || '';
    select.disabled = !isAdmin();
    return el('label', {}, [document.createTextNode('第 ' + (index + 1) + ' 级 Step ' + (index + 1)), select]);
  }

  function render() {
    const calldown = $('calldown');
    calldown.replaceChildren();
    rules.callDown.forEach((c) => {
      const minutes = el('input', { id: 'minutes-' + c.level, type: 'number', min: '0.001', step: 'any',
        inputmode: 'decimal', 'data-field': 'callDown[' + c.level + '].minutes', placeholder: '不呼叫 no call-down' });
      minutes.value = c.minutes == null ? '' : c.minutes;
      minutes.disabled = !isAdmin();
      const box = el('div', { class: 'level', 'data-level': c.level }, [
        el('h3', {}, [el('span', { class: 'swatch ' + c.level, 'aria-hidden': 'true' }), document.createTextNode(LEVELS[c.level][0] + '预警 ' + LEVELS[c.level][1] + ' alerts')]),
        el('label', {}, [document.createTextNode('未确认分钟数 Minutes unacknowledged'), minutes]),
        el('p', { class: 'field-error', 'data-error-for': 'callDown[' + c.level + '].minutes' })
      ]);
      for (let i = 0; i < 3; i++) box.appendChild(stepSelect(c.level, i, c.steps[i]));
      box.appendChild(el('p', { class: 'field-error', 'data-error-for': 'callDown[' + c.level + '].steps' }));
      calldown.appendChild(box);
    });

    const list = $('rules');
    list.replaceChildren();
    rules.rules.forEach((r, i) => {
      const id = r.rule + (r.level ? ':' + r.level : '');
      const legend = el('legend', {}, r.level ? [el('span', { class: 'swatch ' + r.level, 'aria-hidden': 'true' }),
        document.createTextNode(LEVELS[r.level][0] + '预警 ' + LEVELS[r.level][1])] : [document.createTextNode('通知 Notify')]);
      const fieldset = el('fieldset', { 'data-rule': id }, [legend]);
      rules.allowed[r.rule].forEach((k) => {
        const box = el('input', { type: 'checkbox', value: k, id: 'kind-' + i + '-' + k });
        box.checked = r.recipients.includes(k);
        box.disabled = !isAdmin();
        fieldset.appendChild(el('label', { class: 'kind', for: 'kind-' + i + '-' + k }, [box, label2(KINDS[k][0], KINDS[k][1])]));
      });
      fieldset.appendChild(el('p', { class: 'field-error', 'data-error-for': 'rules[' + i + ']' }));
      list.appendChild(el('div', { class: 'rule' }, [el('h3', { text: RULES[r.rule] }), fieldset]));
    });
    $('version').textContent = '版本 Version ' + rules.version;
    $('save').hidden = !isAdmin();
    $('rules-form').hidden = false;
  }

  /** The form as the API's body, with the version read. */
  function collect() {
    return {
      version: rules.version,
      rules: rules.rules.map((r) => ({
        rule: r.rule, level: r.level || undefined,
        recipients: Array.from(document.querySelectorAll('[data-rule="' + r.rule + (r.level ? ':' + r.level : '') + '"] input:checked')).map((b) => b.value)
      })),
      callDown: rules.callDown.map((c) => {
        const raw = $('minutes-' + c.level).value.trim();
        const steps = [0, 1, 2].map((i) => $('step-' + c.level + '-' + i).value).filter((v) => v);
        return { level: c.level, minutes: raw === '' ? null : Number(raw), steps };
      })
    };
  }

  function clearErrors() {
    document.querySelectorAll('[data-error-for]').forEach((p) => { p.textContent = ''; });
    document.querySelectorAll('.invalid').forEach((n) => n.classList.remove('invalid'));
  }

  /** An error at its field: the server names callDown[i] and rules[i] by position, the page by level. */
  function fieldError(field, problem) {
    const m = field.match(/^callDown\[(\d+)\]\.(minutes|steps)/);
    const key = m ? 'callDown[' + rules.callDown[Number(m[1])].level + '].' + m[2]
      : (field.match(/^rules\[\d+\]/) || [field])[0];
    const zh = (PROBLEMS.find(([re]) => re.test(problem)) || [null, '填写有误'])[1];
    const p = document.querySelector('[data-error-for="' + key + '"]');
    if (!p) return false;
    p.replaceChildren(label2(zh, problem));
    document.querySelectorAll('[data-field="' + key + '"]').forEach((n) => n.classList.add('invalid'));
    return true;
  }

  function checkLocally(body) {
    let ok = true;
    body.callDown.forEach((c, i) => {
      if (c.minutes !== null && !(c.minutes > 0)) ok = fieldError('callDown[' + i + '].minutes', 'must be > 0') && false;
      if (!c.steps.length) ok = fieldError('callDown[' + i + '].steps', 'must name at least one kind of person') && false;
      if (new Set(c.steps).size !== c.steps.length) ok = fieldError('callDown[' + i + '].steps', 'is listed twice') && false;
    });
    return ok;
  }

  async function save(ev) {
    ev.preventDefault();
    if (!isAdmin()) return;
    clearErrors();
    const body = collect();
    if (!checkLocally(body)) { status('请改正标出的项 Please correct the marked fields', 'error'); return; }
    saveKey = saveKey || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    status('正在保存… Saving…');
    try {
      const r = await call('PUT', body, saveKey);
      if (r.status === 200) {
        rules = r.body;
        saveKey = null;
        render();
        status('已保存，各节点即时生效 Saved; every node uses the new rules at once (version ' + rules.version + ')', 'ok');
      } else if (r.status === 409) {
        saveKey = null;
        status('规则已被他人修改，请重新加载后再改 Someone changed the rules meanwhile; reload and try again', 'error');
      } else if (r.status === 400 && r.body.fields) {
        saveKey = null;
        const shown = Object.entries(r.body.fields).map(([f, p]) => fieldError(f, p));
        status('请改正标出的项 Please correct the marked fields' + (shown.every((x) => x) ? '' : '：' + r.body.message), 'error');
      } else {
        saveKey = null;
        status('保存失败 Saving failed: ' + (r.body.message || r.status), 'error');
      }
    } catch (e) {
      if (e.message !== '401') status('无法连接服务器，可再次保存 Cannot reach the server; saving again is safe', 'error');
    }
  }

  $('rules-form').addEventListener('submit', save);
  $('reload').addEventListener('click', load);
  FloodLogin.init({ onShow, onLogout: () => { $('rules-form').hidden = true; } });
})();
