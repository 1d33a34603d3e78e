// Release: the store packages `npm run zip` makes, checked on the Firefox one
// (the one with a sources archive, which addons.mozilla.org's review asks
// for). WXT's own zip (the same code `wxt zip -b firefox` runs, with the
// project's wxt.config.ts) writes into a temporary directory, so .output is
// left alone. Then:
// - the package holds exactly the built extension: no source maps, no local paths;
// - the sources archive holds data/ and everything needed to rebuild, and no
//   node_modules, build output, dotfiles or credentials;
// - a build from the unpacked sources alone (node_modules linked in, as
//   `npm ci` would provide them) reproduces the package byte for byte.
// (The Chrome package is the same zip of .output/chrome-mv3; `npm run zip`
// makes both.)
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';

const run = promisify(execFile);

/** The environment a release build gets from a shell: without vitest's NODE_ENV=test and VITEST* variables. */
const buildEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST') && k !== 'TEST'));

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

describe('release packages (Firefox, with sources)', () => {
  let out: string;
  let pkg: Map<string, Buffer>;
  let sources: Map<string, Buffer>;
  let version: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'backstory-zip-'));
    version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    // WXT's zip with the project's config; only the output directory differs.
    // CommonJS -e, not `--input-type=module`: workers inherit the parent's
    // execArgv, and Vite's terser worker is CommonJS code run with eval.
    const script = `import('wxt').then(({ zip }) => zip({ root: ${JSON.stringify(ROOT)}, browser: 'firefox', outDir: ${JSON.stringify(out)} }))`;
    await run(process.execPath, ['-e', script], {
      cwd: ROOT,
      env: buildEnv,
      maxBuffer: 16 * 1024 * 1024,
    });
    pkg = await unzip(join(out, `backstory-${version}-firefox.zip`));
    sources = await unzip(join(out, `backstory-${version}-sources.zip`));
  }, 180_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('packages exactly the built extension, without source maps or local paths', () => {
    const built = filesUnder(join(out, 'firefox-mv3'));
    expect([...pkg.keys()].sort()).toEqual(built);
    for (const f of ['manifest.json', 'background.js', 'content-scripts/content.js', 'kb/kb.json']) expect(pkg.has(f), f).toBe(true);
    expect([...pkg.keys()].filter((f) => f.endsWith('.map'))).toEqual([]);
    const manifest = JSON.parse(pkg.get('manifest.json')!.toString('utf8')) as { version: string; browser_specific_settings?: { gecko?: { id?: string } } };
    expect(manifest.version).toBe(version);
    expect(manifest.browser_specific_settings?.gecko?.id).toBeTruthy();
    for (const [name, content] of pkg) {
      if (!/\.(js|html|css|json)$/.test(name)) continue;
      expect(content.toString('utf8').includes(ROOT), `${name} contains the build machine's path`).toBe(false);
    }
  });

  it('has a sources archive with data/ and all that a rebuild needs, and nothing private or generated', () => {
    const names = [...sources.keys()];
    for (const f of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'scripts/build-kb.ts', 'scripts/read-data.ts', 'entrypoints/background.ts', 'data/entities.json']) {
      expect(names, f).toContain(f);
    }
    const reports = readdirSync(join(ROOT, 'data/reports')).map((f) => `data/reports/${f}`);
    expect(names.filter((n) => n.startsWith('data/reports/')).sort()).toEqual(reports.sort());
    for (const dir of ['lib', 'components', 'entrypoints']) expect(names.some((n) => n.startsWith(`${dir}/`)), dir).toBe(true);
    const forbidden = names.filter(
      (n) =>
        /(^|\/)node_modules\//.test(n) ||
        /^\.output\//.test(n) ||
        /(^|\/)\.[^/]+/.test(n) || // dotfiles and dot-directories (.git, .wxt, .env, .npmrc, .ci)
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(n) ||
        /\.(pem|key|crx|xpi|zip)$/.test(n),
    );
    expect(forbidden).toEqual([]);
  });

  it('rebuilds from the sources alone into the same package, byte for byte', async () => {
    const src = mkdtempSync(join(tmpdir(), 'backstory-sources-'));
    try {
      for (const [name, content] of sources) {
        mkdirSync(dirname(join(src, name)), { recursive: true });
        writeFileSync(join(src, name), content);
      }
      // What `npm ci` would install, without the network.
      symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'dir');
      await run('npm', ['run', '-s', 'build:firefox'], { cwd: src, env: buildEnv, maxBuffer: 16 * 1024 * 1024 });
      const rebuilt = join(src, '.output/firefox-mv3');
      expect(existsSync(join(rebuilt, 'manifest.json'))).toBe(true);
      expect(filesUnder(rebuilt)).toEqual([...pkg.keys()].sort());
      const differing = [...pkg].filter(([name, content]) => !readFileSync(join(rebuilt, name)).equals(content)).map(([name]) => name);
      expect(differing).toEqual([]);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  }, 180_000);
});
