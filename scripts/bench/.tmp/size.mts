import { build } from 'esbuild';
const r = await build({ entryPoints: ['/work/main/scripts/bench/.tmp/entry.ts'], bundle: true, minify: true, format: 'iife', write: false, metafile: true, alias: { '@': '/work/main' }, jsx: 'automatic', jsxImportSource: 'preact', target: 'chrome120', logLevel: 'error' });
const out = Object.values(r.metafile.outputs)[0]!;
console.log('total', out.bytes);
const byPkg = new Map<string, number>();
for (const [f, i] of Object.entries(out.inputs)) { const k = f.includes('node_modules') ? f.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : f.replace(/^.*?\/main\//,''); byPkg.set(k, (byPkg.get(k) ?? 0) + i.bytesInOutput); }
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(String(v).padStart(7), k);
