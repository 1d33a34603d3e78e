// The content script's size, and where its bytes come from. The size is the
// built file (.output/chrome-mv3/content-scripts/content.js, minified by WXT);
// the breakdown re-bundles the same imports with esbuild (minified, with a
// metafile), so its total is close to, not equal to, WXT's output.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function fileSize(file: string): { bytes: number; gzipBytes: number } {
  const js = readFileSync(file);
  return { bytes: js.length, gzipBytes: gzipSync(js, { level: 9 }).length };
}

/** Newest modification time (ms) of the files under `paths` (files or folders). */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) visit(p);
  return newest;
}

/**
 * Bytes per source (npm package, or project file) in a minified bundle of the
 * content script's imports, largest first.
 */
export async function contentScriptBreakdown(root: string, entry: string): Promise<{ total: number; parts: { source: string; bytes: number }[] }> {
  const source = readFileSync(entry, 'utf8');
  // Value imports of the entrypoint (type-only imports add no code).
  const specs = [...source.matchAll(/^import\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  // WXT's webextension-polyfill module provides `browser` to every entrypoint that uses it.
  if (/\bbrowser\./.test(source)) specs.push('webextension-polyfill');
  const contents = specs.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};`).join('\n') + `\n(globalThis as any).__keep = [${specs.map((_, i) => `m${i}`).join(', ')}];\n`;
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'content-entry.ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    alias: { '@': root, '~': root },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // As in the release build: the debug-only code (lib/page/core/debug.ts) is dropped.
    define: { 'import.meta.env.MODE': '"production"', 'import.meta.env.FIREFOX': 'false' },
  });
  const out = Object.values(result.metafile.outputs)[0]!;
  const parts = new Map<string, number>();
  for (const [file, info] of Object.entries(out.inputs)) {
    const key = file.includes('node_modules/') ? file.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1 (npm)') : file.replace(/^.*?(lib|components|entrypoints)\//, '$1/');
    parts.set(key, (parts.get(key) ?? 0) + info.bytesInOutput);
  }
  return {
    total: out.bytes,
    parts: [...parts].map(([s, bytes]) => ({ source: s, bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}
