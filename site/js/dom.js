// Building DOM nodes without innerHTML: every string becomes a text node, so text
// from users can never turn into markup.

// h('button', {class: 'x', type: 'button', onclick: fn}, 'Like', child, ...)
// Props: `class`, `text`, `dataset` (object), on* (event listeners), booleans (set as
// present/absent attributes), anything else as an attribute.
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

// Appends children (nodes, strings, arrays of them; null and false are skipped).
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

// A region that screen readers announce when its text changes: where a form's
// errors (and notices) appear.
export function messageRegion(id) {
  return h('p', { class: 'message', id, role: 'status', 'aria-live': 'polite' });
}

export function showMessage(region, text, kind = 'error') {
  region.textContent = text ?? '';
  region.dataset.kind = text ? kind : '';
}
