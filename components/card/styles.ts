// Styles of the card components. They live in our shadow root only (or in the
// side panel's page), so they cannot touch the host page; `:host{all:initial}`
// keeps the page's inherited styles out. Written compactly (one rule a line).
// The page's content script ships only HOST_CSS (host-styles.ts: the host and
// its live region); the rest is adopted with the card, from the card chunk
// (entrypoints/card-ui.ts), when the first card opens.
import { HOST_CSS } from '../../lib/page/core/host-styles';

export { HOST_CSS };

/** Everything but the host's own rules: the card itself. */
export const CARD_BODY_CSS = `
.bs-popover{position:fixed;top:0;left:0;width:340px;max-width:calc(100vw - 16px);pointer-events:auto}
.bs-popover .bs-card{max-height:min(336px,calc(100vh - 16px));overflow:hidden;font-size:14px;line-height:1.32}
.bs-popover[aria-hidden]{visibility:hidden!important}
.bs-card{--bg:#fff;--fg:#1f2328;--mu:#57606a;--fa:#8c959f;--bd:#d0d7de;--so:#f6f8fa;--so2:#eef1f4;--ac:#1f6feb;--acs:rgba(31,111,235,.1);--qu:#d0d7de;
--hb:#ffebe9;--hf:#a40e26;--hd:#ffb8b0;--mb:#fff4d4;--mf:#7d4e00;--md:#f2d38a;--lb:#eaf1fb;--lf:#24476e;--ld:#bcd2ee;
--person:#2563eb;--organisation:#7c3aed;--place:#059669;--weapon:#dc2626;--event:#d97706;--agreement:#0891b2;--ambiguous:#6b7280;
box-sizing:border-box;display:flex;flex-direction:column;max-height:min(520px,calc(100vh - 24px));background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:12px;
box-shadow:0 16px 40px rgba(15,23,42,.18),0 3px 8px rgba(15,23,42,.08);font:400 13.5px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
text-align:left;letter-spacing:normal;text-transform:none;overflow-wrap:anywhere;-webkit-font-smoothing:antialiased;outline:none}
.bs-theme-dark{--bg:#1d232b;--fg:#e6edf3;--mu:#a3acb7;--fa:#7d8590;--bd:#3a424d;--so:#252c35;--so2:#2c343e;--ac:#6aa6ff;--acs:rgba(106,166,255,.14);--qu:#4a5360;
--hb:#4a1b1f;--hf:#ffc1bb;--hd:#7c2d33;--mb:#43331a;--mf:#f8d58a;--md:#6d5424;--lb:#1e3149;--lf:#b9d4f5;--ld:#35506f;
--person:#7aa7ff;--organisation:#b195ff;--place:#4cc79b;--weapon:#ff7b72;--event:#f0b24a;--agreement:#4dc3dd;--ambiguous:#9ca3af;box-shadow:0 16px 40px rgba(0,0,0,.5),0 3px 8px rgba(0,0,0,.3)}
@media (prefers-reduced-motion:no-preference){.bs-popover:not([aria-hidden]) .bs-card{animation:bs-in .14s ease-out}@keyframes bs-in{from{opacity:0;transform:translateY(4px)}to{opacity:1;transform:none}}}
.bs-card *,.bs-card ::before,.bs-card ::after{box-sizing:border-box}
.bs-card :focus-visible{outline:2px solid var(--ac);outline-offset:2px;border-radius:4px}
.bs-card:focus-visible{outline:2px solid var(--ac);outline-offset:1px}
.bs-header{display:flex;align-items:flex-start;gap:8px;padding:12px 10px 10px 16px;border-bottom:1px solid var(--bd)}
.bs-header-text{flex:1;min-width:0}
.bs-kicker{margin:0 0 2px;display:flex;align-items:center;gap:6px;font-size:11px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--mu)}
.bs-title{margin:0;font-size:17px;line-height:1.3;font-weight:650;color:var(--fg)}
.bs-actions{display:flex;gap:2px;margin-top:-2px}
.bs-icon-btn{all:unset;box-sizing:border-box;display:inline-grid;place-items:center;width:28px;height:28px;border-radius:6px;color:var(--mu);cursor:pointer}
.bs-icon-btn:hover{background:var(--so2);color:var(--fg)}
.bs-body{overflow-y:auto;overscroll-behavior:contain;padding:12px 16px 14px;flex:1 1 auto;min-height:0}
.bs-footer{display:flex;justify-content:space-between;align-items:center;gap:8px;padding:7px 16px;border-top:1px solid var(--bd);background:var(--so);border-radius:0 0 12px 12px;font-size:11.5px;color:var(--mu)}
.bs-footer .bs-fine{margin:0;font-size:11.5px}
.bs-brand{font-weight:650;color:var(--fg)}
.bs-dot{width:8px;height:8px;border-radius:50%;background:var(--tone,var(--fa));flex:none;display:inline-block}
.bs-type-person{--tone:var(--person)}.bs-type-organisation{--tone:var(--organisation)}.bs-type-place{--tone:var(--place)}
.bs-type-weapon{--tone:var(--weapon)}.bs-type-event{--tone:var(--event)}.bs-type-agreement{--tone:var(--agreement)}.bs-type-ambiguous{--tone:var(--ambiguous)}
.bs-description{margin:0 0 6px;font-size:14px;line-height:1.5}
.bs-fine{margin:4px 0 0;font-size:12px;color:var(--mu);line-height:1.45}
.bs-block{display:block}
summary{cursor:pointer;list-style:none}
summary::-webkit-details-marker{display:none}
summary::before{content:"";display:inline-block;margin:0 6px 1px 1px;vertical-align:middle;border-left:4.5px solid currentColor;border-top:3.5px solid transparent;border-bottom:3.5px solid transparent;transition:transform .12s}
details[open]>summary::before{transform:rotate(90deg)}
@media (prefers-reduced-motion:reduce){summary::before{transition:none}}
.bs-source{margin:0 0 4px;font-size:12px;color:var(--mu)}
.bs-source>summary{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bs-source[open]>summary{white-space:normal}
.bs-section{margin-top:14px}
.bs-h3{display:flex;align-items:center;gap:6px;margin:0 0 6px;font-size:11px;font-weight:650;letter-spacing:.07em;text-transform:uppercase;color:var(--mu)}
.bs-h3-count{font-weight:600;letter-spacing:0;font-size:10.5px;padding:0 6px;border-radius:999px;background:var(--so2);line-height:16px}
.bs-quote{display:block;margin:6px 0 4px;padding:1px 0 1px 10px;border-left:3px solid var(--qu);color:var(--fg);font-size:13px;line-height:1.5}
.bs-quote:not(.bs-own-quotes)::before{content:"“"}.bs-quote:not(.bs-own-quotes)::after{content:"”"}
.bs-headline,.bs-headline-inline{font-style:normal;font-weight:600;color:var(--fg)}
.bs-ref{display:block;font-size:12px;line-height:1.4}
.bs-ref .bs-headline,.bs-report .bs-headline,.bs-snippet{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.bs-meta{display:inline-flex;flex-wrap:wrap;align-items:center;gap:0 2px;color:var(--mu);font-size:12px}
.bs-tag{display:inline-block;margin-left:5px;padding:0 5px;border-radius:4px;font-size:10.5px;font-weight:600;line-height:16px;background:var(--so2);color:var(--mu)}
.bs-linkish{all:unset;box-sizing:border-box;display:block;cursor:pointer;border-radius:6px;padding:3px 6px;margin:0 -6px;width:calc(100% + 12px)}
.bs-linkish:hover{background:var(--so)}
.bs-linkish:hover .bs-headline{color:var(--ac);text-decoration:underline;text-underline-offset:2px}
.bs-facts,.bs-reports,.bs-caveats,.bs-spellings,.bs-chips,.bs-choices{list-style:none;margin:0;padding:0}
.bs-fact,.bs-caveat{padding:2px 0 8px}
.bs-fact+.bs-fact,.bs-caveat+.bs-caveat{border-top:1px solid var(--so2);padding-top:8px}
.bs-fact-flags{margin:2px 0;display:flex;flex-wrap:wrap;gap:4px}
.bs-badge{display:inline-flex;align-items:center;gap:6px;max-width:100%;border-radius:6px;border:1px solid var(--ld);background:var(--lb);color:var(--lf);font-size:12px;line-height:18px;padding:1px 8px 1px 6px;font-weight:550}
.bs-badge-sev{font-size:10.5px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;white-space:nowrap}
.bs-badge-label{min-width:0}
.bs-badge-compact{font-size:11.5px;padding:0 7px 0 5px;gap:4px}
.bs-sev-high{border-color:var(--hd);background:var(--hb);color:var(--hf)}
.bs-sev-medium{border-color:var(--md);background:var(--mb);color:var(--mf)}
.bs-caveat-text{margin:5px 0 2px;font-size:14px}
.bs-caveat-whose{margin:5px 0 0;font-size:14px;font-weight:550}
.bs-evidence{font-size:12px;color:var(--mu)}
.bs-evidence>summary,.bs-more>summary{display:inline-block;font-size:12px;font-weight:600;color:var(--ac)}
.bs-more{margin-top:2px}
.bs-reports li+li,.bs-choices li+li{margin-top:6px}
.bs-report,.bs-choice{all:unset;box-sizing:border-box;display:block;width:100%;padding:7px 9px;border-radius:8px;border:1px solid var(--bd)}
button.bs-report,.bs-choice{cursor:pointer}
button.bs-report:hover,.bs-choice:hover{border-color:var(--tone,var(--ac));background:var(--acs)}
.bs-report .bs-headline{font-size:13px;line-height:1.35}
.bs-report-line{display:flex;justify-content:space-between;align-items:center;gap:8px;margin-top:2px}
.bs-count{font-size:11px;color:var(--fa);white-space:nowrap}
.bs-snippet{margin-top:3px;font-size:12px;color:var(--mu);line-height:1.45}
.bs-spellings li{font-size:13px}
.bs-spellings li+li{margin-top:6px}
.bs-spelling{font-weight:600}
.bs-chips{display:flex;flex-wrap:wrap;gap:5px}
.bs-chip{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:6px;padding:2px 9px 2px 7px;border-radius:999px;border:1px solid var(--bd);font-size:12px;line-height:18px;color:var(--fg)}
button.bs-chip{cursor:pointer}
button.bs-chip:hover{border-color:var(--tone,var(--ac));background:var(--so)}
.bs-why{margin:14px 0 0;padding:8px 10px;border-radius:8px;background:var(--so);font-size:12px;color:var(--mu);line-height:1.45}
.bs-why strong{color:var(--fg);font-weight:600}
.bs-choice{display:grid;grid-template-columns:1fr auto;gap:0 8px}
.bs-choice-name{display:inline-flex;align-items:center;gap:6px;font-weight:600;font-size:13.5px}
.bs-choice-type{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--mu);align-self:center}
.bs-choice-desc{grid-column:1/-1;font-size:12px;color:var(--mu);margin-top:2px}
.bs-summary{all:unset;box-sizing:border-box;display:flex;flex-wrap:wrap;align-items:center;gap:4px;margin:6px 0 0;font-size:12px;color:var(--mu)}
button.bs-summary{cursor:pointer;border-radius:6px}
button.bs-summary:hover .bs-summary-text{text-decoration:underline}
.bs-summary-text{margin-left:2px}
.bs-popover .bs-header{padding:10px 8px 6px 14px;border-bottom:0}
.bs-popover .bs-header-text{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 10px}
.bs-popover .bs-kicker{order:1;font-size:14px;letter-spacing:0;text-transform:none;font-weight:500;margin:0}
.bs-popover .bs-title{font-size:18px;line-height:1.25;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.bs-popover .bs-body{overflow:hidden;padding:0 14px 10px;display:flex;flex-direction:column;gap:6px}
.bs-popover .bs-body>*{flex:none;margin:0}
/* Parts that do not fit whole wrap into a second column, which the box clips: no line is ever cut in half. */
.bs-pv-main,.bs-popover .bs-body>.bs-pv-main{display:flex;flex-flow:column wrap;align-content:flex-start;gap:6px 48px;min-height:0;flex:0 1 auto;overflow:hidden}
.bs-pv-main>*{flex:none;margin:0;width:100%;box-sizing:border-box}
.bs-pv-main>.bs-pv-caveats{display:contents}
.bs-pv-what,.bs-pv-caveat,.bs-pv-repeats>span{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.bs-pv-repeats>span{-webkit-line-clamp:3}
.bs-pv-what{font-size:14px;line-height:1.32}
.bs-pv-support{font-size:14px;color:var(--mu);line-height:1.32}
.bs-pv-fact{padding:6px 10px;border-radius:8px;background:var(--so)}
.bs-popover .bs-pv-quote{margin:0;padding:0;border:0;font-size:14px;line-height:1.32;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.bs-pv-source{all:unset;box-sizing:border-box;max-width:100%;margin-top:2px;font-size:14px;line-height:1.32;color:var(--mu);cursor:pointer;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.bs-pv-source::before{content:"— "}
/* With a caveat or a repeated claim to show, that line matters more than the quote's third line (the source, whose report and date, stays whole). */
.bs-pv-main:has(>.bs-pv-repeats,>.bs-pv-caveats) .bs-pv-quote{-webkit-line-clamp:2}
.bs-pv-source:hover{color:var(--ac);text-decoration:underline}
.bs-pv-caveats{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:4px}
.bs-pv-caveat{font-size:14px;line-height:1.32;padding-left:10px;border-left:3px solid var(--ld);background:none!important;color:var(--fg)!important}
.bs-pv-caveat.bs-sev-high{border-left-color:var(--hf)}
.bs-pv-caveat.bs-sev-medium{border-left-color:var(--md)}
.bs-pv-label{font-weight:600}
.bs-pv-repeats{font-size:14px;line-height:1.32;padding:5px 10px;border-radius:8px;background:var(--mb);color:var(--mf);border-left:3px solid var(--md)}
.bs-pv-more{all:unset;box-sizing:border-box;align-self:flex-start;font-size:14px;line-height:1.32;font-weight:600;color:var(--ac);cursor:pointer;padding:2px 0}
.bs-pv-more::after{content:" →"}
.bs-pv-more:hover{text-decoration:underline}
.bs-pv-why{font-size:14px;line-height:1.32;color:var(--mu);display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.bs-pv-other{all:unset;box-sizing:border-box;font-size:14px;line-height:1.32;color:var(--ac);cursor:pointer;text-decoration:underline;text-underline-offset:2px}
.bs-pv-actions{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:4px 12px}
.bs-pv-notthis{all:unset;box-sizing:border-box;font-size:14px;line-height:1.32;color:var(--mu);cursor:pointer;padding:2px 0}
.bs-pv-notthis:hover{color:var(--fg);text-decoration:underline}
.bs-popover .bs-choices li+li{margin-top:4px}
.bs-popover .bs-choice{padding:5px 8px}
.bs-popover .bs-choice-name{font-size:14px}
.bs-popover .bs-choice-type{font-size:14px;text-transform:none;letter-spacing:0}
.bs-popover .bs-choice-desc{font-size:14px;display:-webkit-box;-webkit-line-clamp:1;-webkit-box-orient:vertical;overflow:hidden}
q{quotes:"“" "”" "‘" "’"}
`;

/** The whole card style sheet (the side panel uses it as one <style>). */
export const CARD_CSS = HOST_CSS + CARD_BODY_CSS;
