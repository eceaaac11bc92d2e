// The form that posts a tweet or a reply: a labelled text box with a live count of
// code points against the limit. Over the limit the count turns red but the form still
// submits, so the server's own message says what is wrong.

import { graphql } from './api.js';
import { h, messageRegion, showMessage } from './dom.js';
import { POST_TWEET } from './queries.js';
import { TWEET_MAX_CODE_POINTS, codePointLength } from './text.js';
import { uniqueId } from './tweets.js';

// onPosted(tweet) after the server accepted it. replyTo: the id of the tweet replied to.
export function composeForm({ label = 'What’s happening?', submitLabel = 'Tweet', replyTo = null, onPosted }) {
  const textId = uniqueId('compose-text');
  const counterId = uniqueId('compose-counter');
  const hintId = uniqueId('compose-hint');
  const message = messageRegion(uniqueId('compose-message'));
  const textarea = h('textarea', {
    id: textId,
    name: 'text',
    rows: 3,
    required: true,
    'aria-describedby': `${counterId} ${hintId} ${message.id}`,
  });
  const counter = h('span', { class: 'counter', id: counterId }, `0/${TWEET_MAX_CODE_POINTS}`);
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h('form', { class: 'compose', novalidate: true },
    h('label', { for: textId }, label),
    textarea,
    h('div', { class: 'compose-bar' },
      counter,
      h('span', { class: 'hint', id: hintId }, 'Ctrl+Enter posts'),
      button),
    message);

  const updateCounter = () => {
    const length = codePointLength(textarea.value);
    const over = length - TWEET_MAX_CODE_POINTS;
    counter.textContent = over > 0
      ? `${length}/${TWEET_MAX_CODE_POINTS}, ${over} too many`
      : `${length}/${TWEET_MAX_CODE_POINTS}`;
    counter.classList.toggle('over', over > 0);
    textarea.setAttribute('aria-invalid', String(over > 0));
  };
  textarea.addEventListener('input', updateCounter);
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    showMessage(message, '');
    try {
      const data = await graphql(POST_TWEET, { text: textarea.value, replyTo });
      textarea.value = '';
      updateCounter();
      showMessage(message, replyTo ? 'Reply posted.' : 'Tweet posted.', 'info');
      onPosted?.(data.postTweet);
    } catch (error) {
      showMessage(message, error.message);
      textarea.setAttribute('aria-invalid', 'true');
      textarea.focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
