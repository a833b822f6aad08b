/* The Excel import page: download a template, upload the filled sheet (check only, or import), see each
   problem by row and column, download the sheet with the problems marked. Plain JavaScript, no assets. */
(function () {
  'use strict';

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const OUTCOMES = {
    created: '新建 created', updated: '更新 updated', booked: '入账 booked', set: '已设定 set', listed: '已列入 listed',
    already_booked: '此前已入账，跳过 booked before, skipped'
  };
  const $ = (id) => document.getElementById(id);

  const token = FloodLogin.token;

  function onShow(user) {
    const admin = user.role === 'admin';
    $('not-admin').hidden = admin;
    ['template', 'check', 'import', 'file', 'kind'].forEach((id) => { $(id).disabled = !admin; });
    $('file-button').classList.toggle('disabled', !admin);
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
    if (res.status === 401) { FloodLogin.expired(); return; }
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
    checking: '正在逐行检查… Checking every row…',
    writing: '正在写入（同一事务，全部成功才生效） Writing (one transaction: all or nothing)'
  };
  const ENDED = ['done', 'rejected', 'failed', 'interrupted'];
  const JOB_KEY = 'floodready.import-job';
  const number = (n) => Number(n).toLocaleString('en-US');

  /** Shows how far the job got: the phase, and the rows checked (then written) of all, on the bar and in words. */
  function showJob(job) {
    const done = job.phase === 'writing' ? job.writtenRows : job.checkedRows;
    if ((job.phase === 'checking' || job.phase === 'writing') && job.total) {
      $('progress').max = job.total;
      $('progress').value = done;
      $('rows').hidden = false;
      $('rows').textContent = (job.phase === 'writing' ? '已写入 ' : '已检查 ') + number(done) + ' / '
        + number(job.total) + ' 行 · ' + (job.phase === 'writing' ? 'written ' : 'checked ') + number(done)
        + ' of ' + number(job.total) + ' rows';
    } else if (job.phase === 'reading') {
      $('progress').removeAttribute('value');
    }
    if (PHASES[job.phase]) { status(PHASES[job.phase]); }
  }

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Polls the import job (any node answers) until it ends; resolves {status, body} as the synchronous answer. */
  async function follow(job) {
    sessionStorage.setItem(JOB_KEY, job.id);
    try {
      for (;;) {
        showJob(job);
        if (job.phase === 'done') { return { status: 200, body: job.result }; }
        if (ENDED.includes(job.phase)) { return { status: job.status, body: job.problem }; }
        await wait(300);
        const res = await fetch('/api/import/jobs/' + job.id, { headers: { Authorization: 'Bearer ' + token() } });
        if (!res.ok) { return { status: res.status, body: await res.json().catch(() => null) }; }
        job = await res.json();
      }
    } finally {
      sessionStorage.removeItem(JOB_KEY);
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
    status('正在上传… Uploading…');
    await run(dryRun, async () => {
      const r = await upload(file, dryRun);
      return r.status === 202 ? follow(r.body) : r;
    });
  }

  /** After a reload: follows the job this tab started, which goes on on the server (on whichever node took it). */
  async function resume() {
    const id = sessionStorage.getItem(JOB_KEY);
    if (!id || !token()) { return; }
    const res = await fetch('/api/import/jobs/' + id, { headers: { Authorization: 'Bearer ' + token() } });
    if (!res.ok) { sessionStorage.removeItem(JOB_KEY); return; }
    const job = await res.json();
    $('kind').value = job.kind;
    await run(job.dryRun, () => follow(job));
  }

  /** Runs an import (its upload or its job), the bar showing, then shows its answer. */
  async function run(dryRun, work) {
    ['check', 'import'].forEach((id) => { $(id).disabled = true; });
    $('progress').hidden = false;
    $('progress').max = 100;
    $('progress').value = 0;
    $('rows').hidden = true;
    $('result').hidden = true;
    try {
      let r = await work();
      if (r.status === 401) { FloodLogin.expired(); return; }
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
        status(r.status === 422 ? '有问题，未写入任何数据 Problems found, nothing written'
          : '未导入，未写入任何数据 Not imported, nothing written', 'error');
      }
    } catch (e) {
      status('无法连接服务器 Cannot reach the server', 'error');
    } finally {
      $('progress').hidden = true;
      $('rows').hidden = true;
      ['check', 'import'].forEach((id) => { $(id).disabled = false; });
    }
  }

  $('file').addEventListener('change', () => {
    const f = $('file').files[0];
    $('file-name').textContent = f ? f.name : '未选择文件 No file chosen';
  });
  $('template').addEventListener('click', () => downloadTemplate().catch(() => status('下载失败 Download failed', 'error')));
  $('check').addEventListener('click', () => send(true));
  $('import').addEventListener('click', () => send(false));
  FloodLogin.init({ onShow });
  resume().catch(() => status('无法连接服务器 Cannot reach the server', 'error'));
}());
