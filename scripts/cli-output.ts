// Output plumbing shared by the project's CLIs (scripts/kb-cli.ts): a
// `--json FILE` option that writes what the command prints to FILE instead of
// stdout, as `npm run bench -- --json FILE` does. (With npm, `npm run -s kb --
// …` also keeps npm's own banner off stdout.)
import { writeFileSync } from 'node:fs';

/** Split `--json FILE` (or `--json=FILE`) out of the arguments. */
export function takeJsonOption(args: readonly string[]): { args: string[]; jsonFile: string | null; error: string | null } {
  const rest: string[] = [];
  let jsonFile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') {
      const file = args[i + 1];
      if (!file || file.startsWith('--')) return { args: rest, jsonFile: null, error: '--json needs a file name: --json FILE' };
      jsonFile = file;
      i++;
    } else if (a.startsWith('--json=')) {
      jsonFile = a.slice('--json='.length);
      if (!jsonFile) return { args: rest, jsonFile: null, error: '--json needs a file name: --json FILE' };
    } else {
      rest.push(a);
    }
  }
  return { args: rest, jsonFile, error: null };
}

/**
 * Run `command` with what it prints through console.log collected instead of
 * written to stdout, then write it to `file` (only when the command succeeds).
 */
export async function printToFile(file: string, command: () => Promise<void>): Promise<void> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => {
    lines.push(parts.map((p) => (typeof p === 'string' ? p : String(p))).join(' '));
  };
  try {
    await command();
  } finally {
    console.log = log;
  }
  writeFileSync(file, lines.length ? `${lines.join('\n')}\n` : '');
  console.error(`wrote ${file}`);
}
