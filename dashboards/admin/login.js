/* The login of the admin tool pages (import, notification rules): the board's token in sessionStorage, the
   login form (built here from the section's data-subtitle), the user's name and the log-out button (added to
   the page's top bar), log out and "session expired". A page calls
   FloodLogin.init({ onShow(user), onLogout() }) once; onShow runs each time the page is shown logged in.
   Plain JavaScript, no assets. */
(function () {
  'use strict';

  const TOKEN_KEY = 'floodready.token';
  const USER_KEY = 'floodready.user';
  const $ = (id) => document.getElementById(id);
  let hooks = {};

  const token = () => sessionStorage.getItem(TOKEN_KEY);
  const user = () => JSON.parse(sessionStorage.getItem(USER_KEY) || '{}');

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
    });
    (children || []).forEach((c) => node.append(c));
    return node;
  }

  function buildForm(section) {
    const field = (label, attrs) => el('label', {}, [label + ' ', el('input', attrs)]);
    section.replaceChildren(el('form', { id: 'login-form', autocomplete: 'on' }, [
      el('h1', { text: '防汛备汛 FloodReady' }),
      el('p', { text: section.dataset.subtitle || '' }),
      field('用户名 Username', { id: 'username', name: 'username', autocomplete: 'username', required: '' }),
      field('密码 Password', { id: 'password', name: 'password', type: 'password',
        autocomplete: 'current-password', required: '' }),
      el('button', { id: 'login-button', type: 'submit', class: 'primary', text: '登录 Log in' }),
      el('p', { id: 'login-error', class: 'error', role: 'alert' })
    ]));
  }

  function buildTopbar(bar) {
    bar.append(el('span', { id: 'user-name', class: 'user' }),
      el('button', { id: 'logout', type: 'button', text: '退出 Log out' }));
  }

  function show(loggedIn, message) {
    $('login').hidden = loggedIn;
    $('page').hidden = !loggedIn;
    $('login-error').textContent = message || '';
    if (loggedIn) {
      $('user-name').textContent = user().displayName || user().username || '';
      if (hooks.onShow) hooks.onShow(user());
    }
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    if (hooks.onLogout) hooks.onLogout();
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

  function init(pageHooks) {
    hooks = pageHooks || {};
    buildForm($('login'));
    buildTopbar(document.querySelector('#page .topbar'));
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', () => logout());
    show(Boolean(token()));
  }

  window.FloodLogin = {
    init, token, user, logout,
    expired: () => logout('登录已过期，请重新登录 Session expired, log in again')
  };
}());
