// What a page's style sheets can hide an element by (issue #17 point 4 at the
// cost issue #16 allows): one pass over the style rules of a document or
// shadow root, cached per sheet, gives the ids, classes, attributes and tags
// that a rule setting a hiding property (display: none, the visually hidden
// idioms, editable by CSS) may match. The block walk (text-blocks.ts) reads an
// element's computed style only where one of them, or a hiding inline style,
// is present. In the engine chunk (entrypoints/linker.ts): the content
// script's core gets it with the matcher (`useHidingRules`).
import type { HidingHooks } from './text-blocks';
import { adoptedSheets } from './adopted-sheets';

/** A declaration that may hide its element (a var() in one of these properties counts). */
const HIDING_DECL = /(?:^|[;\s{])(?:display:\s*none|visibility:\s*[hc]|content-visibility:\s*h|clip(?:-path)?:\s*[^a;]|font(?:-size)?:\s*0(?![.\d]*[1-9])|text-indent:\s*-|position:\s*[af]|overflow(?:-[xy])?:\s*[hc]|-webkit-user-modify:\s*read-w)|(?:display|visibility|clip|font|indent|position|overflow|modify)(?:-[a-z]+)?:[^;]*var\(/;

/** The UA's own hiding rule of a closed <dialog> ([hidden] is skipped anyway). */
const newHooks = (): HidingHooks => ({ all: false, hooks: new Set(['DIALOG']), kinds: '', byTag: new Map(), inline: (style) => HIDING_DECL.test(style) });
const sheetHooks = new WeakMap<CSSStyleSheet, [n: number, hooks: HidingHooks]>();
const scopeHooks = new WeakMap<Node, [sheets: CSSStyleSheet[], ns: number[], hooks: HidingHooks]>();

/** Add to `h` what an element must have to match `selectorText` (a selector list). */
function addSelectorHooks(selectorText: string, h: HidingHooks): void {
  // Each complex selector's last compound: what follows the last combinator outside () and [].
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= selectorText.length; i++) {
    const c = selectorText[i] ?? ',';
    if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && /[,\s>+~]/.test(c)) {
      if (c === ',') addCompoundHook(selectorText.slice(start, i), h);
      start = i + 1;
    }
  }
}

function addCompoundHook(compound: string, h: HidingHooks): void {
  // A pseudo-element (::before…) styles generated content, not the element's text.
  if (/^[^(]*(?:::|:(?:before|after|first-l))/.test(compound) && !/::(?:slotted|part)\(/.test(compound)) return;
  // Its simple selectors outside parentheses; the most selective one: an id, a class, an attribute, the tag.
  const top = compound.replace(/\\./g, (e) => (e === '\\:' || e === '\\.' || e === '\\#' ? e : e.slice(1))).replace(/\((?:[^()]|\([^()]*\))*\)/g, '');
  const one = /#((?:\\.|[\w\u00a0-\uffff-])+)/.exec(top) ?? /\.((?:\\.|[\w\u00a0-\uffff-])+)/.exec(top) ?? /\[\s*([\w-]+)/.exec(top) ?? /^([a-zA-Z][\w-]*)/.exec(top);
  if (!one) h.all = true;
  else {
    const name = one[1]!.replace(/\\(.)/g, '$1');
    h.hooks.add(one[0][0] === '#' || one[0][0] === '.' ? one[0][0] + name : one[0][0] === '[' ? `[${name.toLowerCase()}` : name.toUpperCase());
  }
}

/** Walk rules (inside @media, @supports, @layer, @import and nesting) for hiding ones. */
function addRuleHooks(rules: CSSRuleList, h: HidingHooks, parent: string | null): void {
  for (const rule of rules as unknown as Iterable<CSSRule & { selectorText?: string; style?: CSSStyleDeclaration; cssRules?: CSSRuleList; styleSheet?: CSSStyleSheet | null }>) {
    // A nested rule's selector is relative to its parent's: make it absolute.
    let selector = rule.selectorText ?? null;
    if (selector !== null && parent !== null) selector = selector.replace(/&/g, `:is(${parent})`);
    if (selector !== null && rule.style && HIDING_DECL.test(rule.style.cssText)) addSelectorHooks(selector, h);
    if (rule.styleSheet) addSheetHooks(rule.styleSheet, h);
    else if (rule.cssRules) addRuleHooks(rule.cssRules, h, selector ?? parent);
  }
}

function addSheetHooks(sheet: CSSStyleSheet, h: HidingHooks): void {
  try {
    addRuleHooks(sheet.cssRules, h, null);
  } catch {
    h.all = true; // a cross-origin sheet we may not read: it may hide anything
  }
}

/** At most this many id, class and attribute hooks are looked for with one native query per walk. */
const MAX_QUERIED_HOOKS = 32;

/**
 * HidingHooks.query: the walk's one native query for the elements whose
 * attributes need a look (text-blocks.ts hookedUnder): a style attribute, an
 * attribute that skips an element (contenteditable, role, hidden, inert,
 * aria-hidden), or an id, class or attribute hook.
 */
function hookQuery(h: HidingHooks, scope: Document | ShadowRoot): string | undefined {
  const escape = (scope.ownerDocument ?? (scope as Document)).defaultView?.CSS?.escape;
  if (h.all || typeof escape !== 'function') return undefined;
  const selectors = ['[style],[contenteditable],[role],[hidden],[inert],[aria-hidden]'];
  for (const hook of h.hooks) {
    const c = hook[0];
    if (c !== '.' && c !== '#' && c !== '[') continue;
    if (selectors.length > MAX_QUERIED_HOOKS) return undefined;
    selectors.push(c === '[' ? `[${escape(hook.slice(1))}]` : c + escape(hook.slice(1)));
  }
  const query = selectors.join(',');
  try {
    // Checked once here: the walk runs it as it is.
    (scope.ownerDocument ?? (scope as Document)).createDocumentFragment().querySelector(query);
    return query;
  } catch {
    return undefined;
  }
}

/** The hiding hooks of `root`'s document or shadow root, cached per sheet until it is added, removed or changes length. */
export function hidingRules(root: Node): HidingHooks {
  const scope = root.getRootNode() as Document | ShadowRoot;
  const sheets: CSSStyleSheet[] = [...(scope.styleSheets ?? []), ...(adoptedSheets(scope) ?? [])];
  const ns = sheets.map((sheet) => {
    try {
      return sheet.cssRules.length;
    } catch {
      return -1;
    }
  });
  const cached = scopeHooks.get(scope);
  if (cached && cached[0].length === sheets.length && cached[0].every((sheet, i) => sheet === sheets[i] && cached[1][i] === ns[i])) return cached[2];
  const hooks = newHooks();
  hooks.all = scope.nodeType === 11; // a shadow tree: :host and ::slotted rules reach across it
  sheets.forEach((sheet, i) => {
    let c = sheetHooks.get(sheet);
    if (!c || c[0] !== ns[i]) {
      c = [ns[i]!, newHooks()];
      addSheetHooks(sheet, c[1]);
      sheetHooks.set(sheet, c);
    }
    if (c[1].all) hooks.all = true;
    for (const v of c[1].hooks) hooks.hooks.add(v);
  });
  for (const kind of '#.[') if ([...hooks.hooks].some((v) => v[0] === kind)) hooks.kinds += kind;
  hooks.query = hookQuery(hooks, scope);
  scopeHooks.set(scope, [sheets, ns, hooks]);
  return hooks;
}
