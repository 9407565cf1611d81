import { parseArgs } from 'node:util';
import { login } from './commands/login';
import { log } from './commands/log';
import { logout } from './commands/logout';
import { week } from './commands/week';
import { createContext, type CliContext, type ContextOptions } from './context';
import { CliError, EXIT, InputError, type ExitCode } from './errors';
import { SettingsError } from './settings';

export const USAGE = [
  'usage: npm run cli -- login [--no-browser]',
  '       npm run cli -- week [--date YYYY-MM-DD]',
  '       npm run cli -- log <hours> <project> [--date YYYY-MM-DD] [--notes "…"]',
  '       npm run cli -- logout',
].join('\n');

type Command = (ctx: CliContext, args: string[]) => Promise<ExitCode>;

/** Runs node:util parseArgs, turning its complaints and a wrong argument count into usage errors. */
function parse<T extends { positionals: string[] }>(run: () => T, positionals = 0): T {
  let parsed: T;
  try {
    parsed = run();
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.positionals.length !== positionals) throw new InputError(USAGE);
  return parsed;
}

const COMMANDS: Record<string, Command> = {
  login: (ctx, args) => {
    const options = { 'no-browser': { type: 'boolean' } } as const;
    const { values } = parse(() => parseArgs({ args, options }));
    return login(ctx, { browser: values['no-browser'] !== true });
  },
  week: (ctx, args) => {
    const options = { date: { type: 'string' } } as const;
    return week(ctx, parse(() => parseArgs({ args, options })).values);
  },
  log: (ctx, args) => {
    const options = { date: { type: 'string' }, notes: { type: 'string' } } as const;
    const { values, positionals } = parse(
      () => parseArgs({ args, options, allowPositionals: true }),
      2,
    );
    const [hours = '', project = ''] = positionals;
    return log(ctx, { hours, project, ...values });
  },
  logout: (ctx, args) => {
    parse(() => parseArgs({ args, options: {} }));
    return logout(ctx);
  },
};

function report(error: unknown, err: (line: string) => void): ExitCode {
  if (error instanceof CliError) {
    err(error.message);
    return error.exitCode;
  }
  if (error instanceof SettingsError) {
    err(error.message);
    return EXIT.badInput;
  }
  err(
    `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return EXIT.failed;
}

/**
 * Runs one command line (`argv` without node and the script) and resolves to the exit code:
 * 0 done, 1 failed, 2 bad usage or input, 3 sign in again.
 */
export async function runCli(argv: string[], options: ContextOptions = {}): Promise<ExitCode> {
  const err = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const [name = '', ...args] = argv;
  const command = COMMANDS[name];
  if (!command) {
    err(
      name === '' || name === '--help' || name === 'help'
        ? USAGE
        : `Unknown command "${name}"\n${USAGE}`,
    );
    return name === '--help' || name === 'help' ? EXIT.ok : EXIT.badInput;
  }
  try {
    return await command(createContext({ ...options, err }), args);
  } catch (error) {
    return report(error, err);
  }
}
