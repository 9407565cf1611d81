/** What the terminal client exits with; scripts may rely on these. */
export const EXIT = {
  ok: 0,
  /** The API or the authorization server failed or refused something other than the input. */
  failed: 1,
  /** Bad usage or input, refused before sending or by the API (BAD_USER_INPUT). */
  badInput: 2,
  /** No usable session: the person must run `login`. */
  signIn: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the client explains to the person in one message, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** Wrong command-line usage or input that breaks an entry rule (exit 2). */
export class InputError extends CliError {
  constructor(
    message: string,
    /** The input field at fault, when one is. */
    readonly field?: string,
    /** The API's own words, when the API refused the input. */
    readonly apiMessage?: string,
  ) {
    super(message, EXIT.badInput);
    this.name = 'InputError';
  }
}

export const LOGIN_HINT = 'run `npm run cli -- login`';

/**
 * The stored session can no longer get access tokens: never signed in, signed out, or the
 * authorization server refused the refresh token (RFC 6749 §5.2 `invalid_grant`). Exit 3.
 */
export class SessionEndedError extends CliError {
  constructor(reason: 'none' | 'ended', options?: ErrorOptions) {
    super(
      reason === 'none'
        ? `You are not signed in: ${LOGIN_HINT}`
        : `Your session has ended: ${LOGIN_HINT}`,
      EXIT.signIn,
      options,
    );
    this.name = 'SessionEndedError';
  }
}

/** What the API says about a CONFLICT in `extensions`; each field only when it applies. */
export interface ConflictDetails {
  /** The version the thing has now, when the one sent was stale. */
  currentVersion?: number;
  /** The week's status, when it forbids the change (SUBMITTED, APPROVED). */
  weekStatus?: string;
  /** The payroll close date, when the change falls on or before it. */
  closedThrough?: string;
}

/**
 * The API refused a change because of the state it found (`extensions.code` CONFLICT): a stale
 * version, a week that is submitted or approved, a closed period. Nothing was written. Exit 1.
 */
export class ConflictError extends CliError {
  constructor(
    message: string,
    readonly details: ConflictDetails,
  ) {
    super(message, EXIT.failed);
    this.name = 'ConflictError';
  }
}
