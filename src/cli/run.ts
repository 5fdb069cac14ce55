/**
 * Runs what the command line asked for. Heavy modules (the mock, the contract kit) load only when their
 * command runs, so `--help` and `--version` answer at once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, parseCli, type CliIo, type FixturesSettings } from './program.js';

async function writeFixtures(s: FixturesSettings, io: CliIo): Promise<number> {
  const { fixturesReadme, generateFixtures } = await import('../fixtures/generate.js');
  const world = { seed: s.seed, now: s.now, size: s.size };
  const files = await generateFixtures(world);
  const dir = resolve(s.out);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.file), f.text);
  writeFileSync(join(dir, 'README.md'), fixturesReadme(files, world));
  io.stdout.write(`wrote ${files.length} fixtures and README.md to ${dir} (seed ${s.seed}, now ${s.now}, size ${s.size})\n`);
  return EXIT.ok;
}

/** Parses argv and runs the command; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const command = await parseCli(argv, io);
  switch (command.kind) {
    case 'exit':
      return command.code;
    case 'serve': {
      const { serve } = await import('./serve.js');
      return serve(command.settings, io);
    }
    case 'contract': {
      const { runContractCli } = await import('../contract/cli.js');
      return runContractCli(command.argv, { stdout: io.stdout, stderr: io.stderr, env: io.env });
    }
    case 'quirks': {
      const { quirksListing } = await import('../quirks/format.js');
      io.stdout.write(quirksListing());
      return EXIT.ok;
    }
    case 'fixtures':
      try {
        return await writeFixtures(command.settings, io);
      } catch (err) {
        io.stderr.write(`wapikit-mock fixtures: ${(err as Error).message}\n`);
        return EXIT.failed;
      }
  }
}
