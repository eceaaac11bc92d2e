// Sign-up and log-in forms. The server checks everything (username shape, password
// length, wrong password) and its message is shown next to the form; the field it
// names (extensions.field) is marked invalid and focused.

import { graphql } from './api.js';
import { h, messageRegion, showMessage } from './dom.js';
import { LOGIN, SIGNUP } from './queries.js';
import { uniqueId } from './tweets.js';

function field(label, input, hint) {
  const id = uniqueId(`auth-${input.name}`);
  input.id = id;
  const parts = [h('label', { for: id }, label), input];
  if (hint) {
    const hintId = `${id}-hint`;
    input.setAttribute('aria-describedby', hintId);
    parts.push(h('p', { class: 'hint', id: hintId }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

// kind: 'login' or 'signup'. onDone(user) after the server set the session cookie.
export function authForm(kind, onDone) {
  const signup = kind === 'signup';
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: signup ? 'new-password' : 'current-password' });
  const displayName = h('input', { name: 'displayName', autocomplete: 'name' });
  const inputs = { username, password, displayName };
  const message = messageRegion(uniqueId(`${kind}-message`));
  const button = h('button', { type: 'submit', class: 'primary' }, signup ? 'Sign up' : 'Log in');
  const form = h('form', { class: 'auth', novalidate: true, 'aria-describedby': message.id },
    field('Username', username, signup ? '3 to 20 letters, digits or _' : null),
    field('Password', password, signup ? '8 characters or more' : null),
    signup ? field('Display name (optional)', displayName) : null,
    button,
    message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    showMessage(message, '');
    for (const input of Object.values(inputs)) input.removeAttribute('aria-invalid');
    try {
      const variables = { username: username.value.trim(), password: password.value };
      if (signup && displayName.value.trim()) variables.displayName = displayName.value.trim();
      const data = await graphql(signup ? SIGNUP : LOGIN, variables);
      onDone((signup ? data.signup : data.login).user);
    } catch (error) {
      showMessage(message, error.message);
      const culprit = inputs[error.field] ?? (error.code === 'UNAUTHENTICATED' ? password : null);
      if (culprit) {
        culprit.setAttribute('aria-invalid', 'true');
        culprit.focus();
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
