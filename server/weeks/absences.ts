import { validate as isUuid, v7 as uuidv7 } from 'uuid';
import {
  checkAbsence,
  HOURS_SCALE,
  MAX_HOURS_PER_DAY,
  startOfWeek,
  toHundredths,
  toLocalDate,
} from '../../core';
import { writeTransaction } from '../db/transaction';
import { BadUserInputError, NotFoundError } from '../errors';
import { assertOpen, DATED_WRITE } from '../period/period-lock';
import type { ServiceContext } from '../timesheets/timesheet-checks';
import { absenceOf } from './read-week';
import type { Absence, AbsenceKind } from './week';
import * as repo from './week.repository';
import { recordWeekChange, weekKey, writableWeek } from './week-state';

const ABSENCE_KINDS: readonly AbsenceKind[] = ['VACATION', 'SICK', 'OTHER'];

/**
 * Declares an absence of the owner, under the rules of entries: not in an approved week nor a
 * closed period, and a SUBMITTED week goes back to OPEN. A day's absences add up to at most 24 h.
 */
export async function recordAbsence(
  { db, now }: ServiceContext,
  ownerId: string,
  input: { date: string; kind: AbsenceKind; hours: number },
): Promise<Absence> {
  const at = now();
  const problem = checkAbsence(input.date, input.hours, toLocalDate(at));
  if (problem) throw new BadUserInputError(problem.message, problem.field);
  if (!ABSENCE_KINDS.includes(input.kind)) {
    throw new BadUserInputError(`kind must be one of ${ABSENCE_KINDS.join(', ')}`, 'kind');
  }
  const hundredths = toHundredths(input.hours) ?? 0;
  const week = { userId: ownerId, weekStart: startOfWeek(input.date) };
  const row = await writeTransaction(
    db,
    [weekKey(week)],
    async (trx) => {
      await assertOpen(trx, [input.date]);
      const before = await writableWeek(trx, week);
      const total = await repo.sumAbsenceHundredths(trx, ownerId, input.date);
      if (total + hundredths > MAX_HOURS_PER_DAY * HOURS_SCALE) {
        throw new BadUserInputError(
          `absences on ${input.date} would add up to more than ${MAX_HOURS_PER_DAY} hours`,
          'hours',
        );
      }
      const iso = at.toISOString();
      const stored = await repo.insertAbsence(trx, {
        id: uuidv7(),
        user_id: ownerId,
        date: input.date,
        week_start: week.weekStart,
        kind: input.kind,
        hundredths,
        created_at: iso,
      });
      await recordWeekChange(trx, week, before, {
        actorId: ownerId,
        at: iso,
        action: 'ABSENCE_RECORDED',
        entryId: stored.id,
        cause: `${input.kind.toLowerCase()} absence of ${input.hours} h on ${input.date} recorded`,
      });
      return stored;
    },
    DATED_WRITE,
  );
  return absenceOf(row);
}

/** Deletes one of the owner's absences, under the rules of entries; answers its id. */
export async function deleteAbsence(
  { db, now }: ServiceContext,
  ownerId: string,
  id: string,
): Promise<string> {
  const missing = () => new NotFoundError(`Absence ${id} not found`);
  if (!isUuid(id)) throw missing();
  const found = await repo.findAbsenceById(db, id);
  if (found?.user_id !== ownerId) throw missing();
  const week = { userId: ownerId, weekStart: found.week_start };
  return writeTransaction(
    db,
    [weekKey(week)],
    async (trx) => {
      const current = await repo.findAbsenceById(trx, id);
      if (!current) throw missing();
      await assertOpen(trx, [current.date]);
      const before = await writableWeek(trx, week);
      await repo.deleteAbsence(trx, id);
      const absence = absenceOf(current);
      await recordWeekChange(trx, week, before, {
        actorId: ownerId,
        at: now().toISOString(),
        action: 'ABSENCE_DELETED',
        entryId: id,
        cause: `${absence.kind.toLowerCase()} absence of ${absence.hours} h on ${absence.date} deleted`,
      });
      return id;
    },
    DATED_WRITE,
  );
}
