/* The Excel import page: download a template, upload the filled sheet (check only, or import), see each
   problem by row and column, download the sheet with the problems marked. Plain JavaScript, no assets. */
(function () {
  'use strict';

  const TOKEN_KEY = 'floodready.token';
  const USER_KEY = 'floodready.user';
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const OUTCOMES = {
    created: '新建 created', updated: '更新 updated', booked: '入账 booked',
    already_booked: '此前已入账，跳过 booked before, skipped'
  };
  const $ = (id) => document.getElementById(id);

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function show(loggedIn, message) {
    $('login').hidden = loggedIn;
    $('page').hidden = !loggedIn;
    $('login-error').textContent = message || '';
    if (loggedIn) {
      const user = JSON.parse(sessionStorage.getItem(USER_KEY) || '{}');
      $('user-name').textContent = user.displayName || user.username || '';
      const admin = user.role === 'admin';
      $('not-admin').hidden = admin;
      ['template', 'check', 'import', 'file', 'kind'].forEach((id) => { $(id).disabled = !admin; });
      $('file-button').classList.toggle('disabled', !admin);
    }
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    show(false, message);
  }

  async function login(ev) {
    ev.preventDefault();
    $('login-error').textContent = '';
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: $('username').value, password: $('password').value })
      });
      const body = await res.json();
      if (!res.ok) {
        $('login-error').textContent = res.status === 429 ? '尝试次数过多，请稍后 Too many attempts, wait a moment'
          : '用户名或密码错误 Wrong username or password';
        return;
      }
      sessionStorage.setItem(TOKEN_KEY, body.token);
      sessionStorage.setItem(USER_KEY, JSON.stringify(body.user));
      show(true);
    } catch (e) {
      $('login-error').textContent = '无法连接服务器 Cannot reach the server';
    }
  }

  function status(text, kind) {
    $('status').textContent = text;
    $('status').className = kind || '';
  }

  function saveBlob(blob, filename) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function downloadTemplate() {
    const kind = $('kind').value;
    status('正在生成模板… Preparing the template…');
    const res = await fetch('/api/import/templates/' + kind + '.xlsx', { headers: { Authorization: 'Bearer ' + token() } });
    if (res.status === 401) { logout('登录已过期，请重新登录 Session expired, log in again'); return; }
    if (!res.ok) { status('下载失败 Download failed (' + res.status + ')', 'error'); return; }
    saveBlob(await res.blob(), 'template-' + kind + '.xlsx');
    status('模板已下载 Template downloaded', 'ok');
  }

  /** Uploads with XMLHttpRequest for its upload progress; resolves {status, body}. */
  function upload(file, dryRun) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/import/' + $('kind').value + '?async=true' + (dryRun ? '&dryRun=true' : ''));
      xhr.setRequestHeader('Authorization', 'Bearer ' + token());
      xhr.setRequestHeader('Content-Type', XLSX);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) { $('progress').value = Math.round(100 * e.loaded / e.total); }
      };
      xhr.upload.onload = () => status('已上传，正在逐行检查… Uploaded, checking every row…');
      xhr.onload = () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = { message: xhr.responseText }; }
        resolve({ status: xhr.status, body: body });
      };
      xhr.onerror = () => reject(new Error('network'));
      xhr.send(file);
    });
  }

  const PHASES = {
    reading: '正在读取表格… Reading the sheet…',
    checking: '正在逐行检查… Checking every row…'
  };

  /** Shows how far the job got: the phase, and while writing the rows written of all. */
  function showJob(job) {
    if (job.phase === 'writing') {
      $('progress').max = Math.max(job.total, 1);
      $('progress').value = job.writtenRows;
      status('正在写入 ' + job.writtenRows + ' / ' + job.total + ' 行（同一事务，全部成功才生效） Writing '
        + job.writtenRows + ' of ' + job.total + ' rows (one transaction: all or nothing)');
    } else if (PHASES[job.phase]) {
      $('progress').removeAttribute('value');
      status(PHASES[job.phase] + (job.total ? '（' + job.total + ' 行 rows）' : ''));
    }
  }

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Polls the import job until it ends; resolves {status, body} as the synchronous answer would be. */
  async function follow(job) {
    for (;;) {
      showJob(job);
      if (job.phase === 'done') { return { status: 200, body: job.result }; }
      if (job.phase === 'rejected' || job.phase === 'failed') { return { status: job.status, body: job.problem }; }
      await wait(300);
      const res = await fetch('/api/import/jobs/' + job.id, { headers: { Authorization: 'Bearer ' + token() } });
      if (!res.ok) { return { status: res.status, body: await res.json().catch(() => null) }; }
      job = await res.json();
    }
  }

  function outcomes(body) {
    const parts = Object.entries(body.outcomes || {}).map(([k, n]) => (OUTCOMES[k] || k) + ' ' + n);
    return parts.length ? '：' + parts.join('，') : '';
  }

  function showProblems(body) {
    const list = $('problems');
    list.textContent = '';
    (body.problems || []).forEach((p) => {
      const li = document.createElement('li');
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = '第 ' + p.row + ' 行' + (p.column ? ' ' + p.column + ' 列' : '')
        + (p.header ? '「' + p.header + '」' : '') + ' Row ' + p.row + (p.column ? ', column ' + p.column : '');
      const zh = document.createElement('span');
      zh.textContent = p.messageZh;
      const en = document.createElement('span');
      en.className = 'en';
      en.lang = 'en';
      en.textContent = p.messageEn;
      li.append(where, zh, en);
      list.appendChild(li);
    });
    const marked = body.markedWorkbook;
    $('marked').hidden = !marked;
    if (marked) {
      const bytes = Uint8Array.from(atob(marked.base64), (c) => c.charCodeAt(0));
      const blob = new Blob([bytes], { type: marked.contentType });
      $('marked').onclick = (e) => { e.preventDefault(); saveBlob(blob, marked.filename); };
      $('marked').href = '#';
    }
  }

  async function send(dryRun) {
    const file = $('file').files[0];
    if (!file) { status('请先选择文件 Choose a file first', 'error'); return; }
    ['check', 'import'].forEach((id) => { $(id).disabled = true; });
    $('progress').hidden = false;
    $('progress').max = 100;
    $('progress').value = 0;
    $('result').hidden = true;
    status('正在上传… Uploading…');
    try {
      let r = await upload(file, dryRun);
      if (r.status === 202) { r = await follow(r.body); }
      if (r.status === 401) { logout('登录已过期，请重新登录 Session expired, log in again'); return; }
      $('result').hidden = false;
      $('problems').textContent = '';
      $('marked').hidden = true;
      if (r.status === 200) {
        const rows = r.body.rows;
        $('summary').className = 'ok';
        $('summary').textContent = dryRun
          ? '检查通过，共 ' + rows + ' 行，尚未写入 All ' + rows + ' rows pass; nothing written yet'
          : '已导入 ' + rows + ' 行 Imported ' + rows + ' rows' + outcomes(r.body);
        status('完成 Done', 'ok');
      } else {
        $('summary').className = 'error';
        $('summary').textContent = (r.body && r.body.message) || ('HTTP ' + r.status);
        showProblems(r.body || {});
        status(r.status === 422 ? '有问题，未写入任何数据 Problems found, nothing written' : '未导入 Not imported', 'error');
      }
    } catch (e) {
      status('无法连接服务器 Cannot reach the server', 'error');
    } finally {
      $('progress').hidden = true;
      ['check', 'import'].forEach((id) => { $(id).disabled = false; });
    }
  }

  $('file').addEventListener('change', () => {
    const f = $('file').files[0];
    $('file-name').textContent = f ? f.name : '未选择文件 No file chosen';
  });
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', () => logout());
  $('template').addEventListener('click', () => downloadTemplate().catch(() => status('下载失败 Download failed', 'error')));
  $('check').addEventListener('click', () => send(true));
  $('import').addEventListener('click', () => send(false));
  show(!!token());
}());
