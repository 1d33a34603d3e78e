// The UI host's own rules (lib/page/core/ui-host.ts): a zero-size fixed host that
// keeps the page's styles out (`:host{all:initial}`), the card layer, and the
// visually hidden aria-live region. Kept apart from the card's styles
// (styles.ts) because the content script ships these on every page, and the
// card's only with the card chunk.
export const HOST_CSS = `
:host{all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important;pointer-events:none!important}
.bs-layer{pointer-events:none}
.bs-sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;
