import { parseArgs } from 'node:util';
import { login } from './commands/login';
import { log } from './commands/log';
import { logout } from './commands/logout';
import { status } from './commands/status';
import { submit } from './commands/submit';
import { week } from './commands/week';
import { createContext, type CliContext, type ContextOptions } from './context';
import { CliError, EXIT, InputError, type ExitCode } from './errors';
import { SettingsError } from './settings';

export const USAGE = [
  'usage: npm run cli -- login [--no-browser]',
  '       npm run cli -- week [--date YYYY-MM-DD]',
  '       npm run cli -- log <hours> <project> [--date YYYY-MM-DD] [--notes "…"]',
  '       npm run cli -- status [this | last | YYYY-MM-DD]',
  '       npm run cli -- submit [this | last | YYYY-MM-DD] [--note "…"]',
  '       npm run cli -- logout',
].join('\n');

type Command = (ctx: CliContext, args: string[]) => Promise<ExitCode>;

/**
 * Runs node:util parseArgs, turning its complaints and a wrong argument count (`positionals`, or
 * `[least, most]`) into usage errors.
 */
function parse<T extends { positionals: string[] }>(
  run: () => T,
  positionals: number | readonly [number, number] = 0,
): T {
  let parsed: T;
  try {
    parsed = run();
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n${USAGE}`);
  }
  const [least, most] = typeof positionals === 'number' ? [positionals, positionals] : positionals;
  const count = parsed.positionals.length;
  if (count < least || count > most) throw new InputError(USAGE);
  return parsed;
}

/** An optional week argument: `this`, `last` or a date of the week. */
const WEEK_ARGUMENT = [0, 1] as const;

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
  status: (ctx, args) => {
    const { positionals } = parse(
      () => parseArgs({ args, options: {}, allowPositionals: true }),
      WEEK_ARGUMENT,
    );
    return status(ctx, { week: positionals[0] });
  },
  submit: (ctx, args) => {
    const options = { note: { type: 'string' } } as const;
    const { values, positionals } = parse(
      () => parseArgs({ args, options, allowPositionals: true }),
      WEEK_ARGUMENT,
    );
    return submit(ctx, { week: positionals[0], note: values.note });
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
