import type { Insertable, Selectable } from 'kysely';
import type { AbsenceKind } from './week';

/** The `absences` table: a person's declared absences, hours in hundredths. */
export interface AbsenceTable {
  /** A UUID v7. */
  id: string;
  user_id: string;
  date: string;
  /** The Monday of the absence's week. */
  week_start: string;
  kind: AbsenceKind;
  hundredths: number;
  created_at: string;
}

export type AbsenceRow = Selectable<AbsenceTable>;
export type NewAbsenceRow = Insertable<AbsenceTable>;
