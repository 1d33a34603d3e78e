// What a hostile page script fires at an open card: script-made (untrusted)
// keys, pointer events and clicks on our host and the document, focus moved to
// the host, the keyboard-navigation shortcut and Enter. Run in the page's own
// world (it is serialised into the page: no closures). Had Backstory obeyed any
// of it, the card would be closed or navigation started.
export function fireSyntheticEvents(): true {
  const host = [...document.documentElement.children].find((e) => e !== document.head && e !== document.body) as HTMLElement;
  const opts = { bubbles: true, composed: true, cancelable: true };
  document.dispatchEvent(new KeyboardEvent('keydown', { ...opts, key: 'Escape', code: 'Escape' }));
  document.body.dispatchEvent(new PointerEvent('pointerdown', { ...opts, clientX: 5, clientY: 5 }));
  host.click();
  host.dispatchEvent(new KeyboardEvent('keydown', { ...opts, key: 'Escape' }));
  host.focus();
  document.body.dispatchEvent(new KeyboardEvent('keydown', { ...opts, altKey: true, shiftKey: true, code: 'KeyN', key: 'N' }));
  document.body.dispatchEvent(new KeyboardEvent('keydown', { ...opts, key: 'Enter', code: 'Enter' }));
  return true;
}
