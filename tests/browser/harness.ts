// The real-browser harness lives in scripts/chromium.ts, shared with `npm run demo`.
export * from '../../scripts/chromium';
