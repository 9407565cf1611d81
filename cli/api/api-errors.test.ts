import { ConflictError, EXIT, InputError } from '../errors';
import { toCliError } from './api-errors';

describe('toCliError', () => {
  it('turns a CONFLICT into a ConflictError carrying the details the contract names', () => {
    const error = toCliError('CliSubmitWeek', {
      message: 'The week moved on',
      extensions: { code: 'CONFLICT', currentVersion: 4, weekStatus: 'OPEN', closedThrough: 7 },
    });
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.exitCode).toBe(EXIT.failed);
    expect((error as ConflictError).details).toEqual({
      currentVersion: 4,
      weekStatus: 'OPEN',
      closedThrough: undefined,
    });
    expect(error.message).toBe(
      'It changed in the meantime (now version 4): read it again and retry (CliSubmitWeek)',
    );
  });

  it.each([
    [
      { closedThrough: '2026-11-30', weekStatus: 'APPROVED' },
      'The payroll period is closed through 2026-11-30: nothing on or before it can change (CliLogTime)',
    ],
    [
      { weekStatus: 'APPROVED', currentVersion: 2 },
      'The week is approved, so it is frozen: nothing in it can change (CliLogTime)',
    ],
    [{}, 'The API refused CliLogTime (CONFLICT): Refused'],
  ])('explains a CONFLICT with %j by its most telling detail', (details, message) => {
    const error = toCliError('CliLogTime', {
      message: 'Refused',
      extensions: { code: 'CONFLICT', ...details },
    });
    expect(error.message).toBe(message);
  });

  it("keeps the API's own words and the field of a BAD_USER_INPUT", () => {
    const error = toCliError('CliSubmitWeek', {
      message: 'note is required: the week is short',
      extensions: { code: 'BAD_USER_INPUT', field: 'note' },
    });
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      exitCode: EXIT.badInput,
      field: 'note',
      apiMessage: 'note is required: the week is short',
    });
  });
});
