// The login/register card. Resolves with the session ({account, csrfToken}) once logged in.
import * as api from '../api.js';
import { $, show } from './dom.js';

export function askLogin() {
  show('#auth');
  const form = $('#auth-form');
  const err = $('#auth-error');
  err.textContent = '';
  $('#username').focus();
  return new Promise((resolve) => {
    const run = async (how) => {
      const u = $('#username').value.trim().toLowerCase();
      const p = $('#password').value;
      err.textContent = '';
      if (!/^[a-z0-9_]{3,24}$/.test(u)) return void (err.textContent = 'Usernames have 3–24 letters, digits or underscores.');
      if (how === 'register' && p.length < 12) return void (err.textContent = 'Passwords need at least 12 characters.');
      for (const b of form.querySelectorAll('button')) b.disabled = true;
      try {
        const res = how === 'register' ? await api.register(u, p) : await api.login(u, p);
        form.onsubmit = null;
        $('#register-button').onclick = null;
        $('#password').value = '';
        show('#auth', false);
        resolve(res);
      } catch (e) {
        err.textContent = e.message;
      } finally {
        for (const b of form.querySelectorAll('button')) b.disabled = false;
      }
    };
    form.onsubmit = (e) => {
      e.preventDefault();
      run('login');
    };
    $('#register-button').onclick = () => run('register');
  });
}
