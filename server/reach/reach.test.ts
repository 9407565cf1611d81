import { v7 as uuidv7 } from 'uuid';
import { teamClaimNames } from '../../core/claims';
import { describeEachDatabase } from '../../test/databases';
import { toPrincipal } from '../auth/principal';
import { reachCondition } from './reach-condition';
import { reachesOwner, viewerOf, type Owner, type ReachPurpose } from './reach';

const { team: TEAM, manages: MANAGES } = teamClaimNames();
const APPROVER = 'read:timesheets approve:timesheets';
const PAYROLL = `${APPROVER} approve:all-teams`;

/** The owners every case is asked about; `unknown` is not in the directory at all. */
const OWNERS: Owner[] = [
  { id: 'me', team: 'eng' },
  { id: 'eng-mate', team: 'eng' },
  { id: 'ops-person', team: 'ops' },
  { id: 'no-team', team: null },
  { id: 'unknown', team: null },
];
const OTHERS = ['eng-mate', 'ops-person', 'no-team', 'unknown'];

interface Case {
  who: string;
  claims: Record<string, unknown>;
  see: string[];
  decide: string[];
}

/** Every shape of token, and whom it reaches: the rows both interpreters must agree on. */
const CASES: Case[] = [
  { who: 'an employee', claims: { scope: 'read:timesheets' }, see: ['me'], decide: [] },
  {
    who: 'a manager of eng',
    claims: { scope: APPROVER, [MANAGES]: ['eng'] },
    see: ['me', 'eng-mate'],
    decide: ['eng-mate'],
  },
  {
    who: 'a manager of eng and ops',
    claims: { scope: APPROVER, [MANAGES]: ['eng', 'ops'] },
    see: ['me', 'eng-mate', 'ops-person'],
    decide: ['eng-mate', 'ops-person'],
  },
  {
    who: 'payroll (approve:all-teams)',
    claims: { scope: PAYROLL },
    see: ['me', ...OTHERS],
    decide: OTHERS,
  },
  {
    who: 'payroll with a manages claim too',
    claims: { scope: PAYROLL, [MANAGES]: ['eng'] },
    see: ['me', ...OTHERS],
    decide: OTHERS,
  },
  // Fails closed: an approver without approve:all-teams and a well-formed list reaches no one.
  { who: 'an approver without manages', claims: { scope: APPROVER }, see: ['me'], decide: [] },
  {
    who: 'an approver with an empty manages list',
    claims: { scope: APPROVER, [MANAGES]: [] },
    see: ['me'],
    decide: [],
  },
  {
    who: 'an approver whose manages is a string',
    claims: { scope: APPROVER, [MANAGES]: 'eng' },
    see: ['me'],
    decide: [],
  },
  {
    who: 'an approver whose manages is an object',
    claims: { scope: APPROVER, [MANAGES]: { eng: true } },
    see: ['me'],
    decide: [],
  },
  {
    who: 'an approver whose manages holds a number',
    claims: { scope: APPROVER, [MANAGES]: ['eng', 7] },
    see: ['me'],
    decide: [],
  },
  {
    who: 'an approver whose manages is under another namespace',
    claims: { scope: APPROVER, 'https://other.example/manages': ['eng'] },
    see: ['me'],
    decide: [],
  },
  {
    who: 'a manages claim without approve:timesheets',
    claims: { scope: 'read:timesheets', [MANAGES]: ['eng'] },
    see: ['me'],
    decide: [],
  },
  {
    who: 'approve:all-teams without approve:timesheets',
    claims: { scope: 'read:timesheets approve:all-teams' },
    see: ['me'],
    decide: [],
  },
];

const viewerFor = (claims: Record<string, unknown>) =>
  viewerOf(toPrincipal({ sub: 'me', exp: 2_000_000_000, [TEAM]: 'eng', ...claims }));

describeEachDatabase('reach: one rule, two interpreters', (getDb) => {
  beforeAll(async () => {
    const { db } = getDb();
    const known = OWNERS.filter((owner) => owner.id !== 'unknown');
    await db
      .insertInto('people')
      .values(known.map(({ id, team }) => ({ id, team, updated_at: '2026-12-01T00:00:00Z' })))
      .execute();
    const at = '2026-12-01T00:00:00.000Z';
    await db
      .insertInto('timesheet_entries')
      .values(
        OWNERS.map(({ id }) => ({
          id: uuidv7(),
          user_id: id,
          date: '2026-12-01',
          week_start: '2026-11-30',
          project: 'Audit',
          hundredths: 100,
          notes: null,
          created_at: at,
          updated_at: at,
          source: id,
        })),
      )
      .execute();
  });

  const sqlAnswer = async (claims: Record<string, unknown>, purpose: ReachPurpose) => {
    const viewer = viewerFor(claims);
    const rows = await getDb()
      .db.selectFrom('timesheet_entries')
      .select('user_id')
      .where((eb) => reachCondition(eb, viewer, purpose, 'timesheet_entries.user_id'))
      .execute();
    return rows.map((row) => row.user_id).sort();
  };

  const singleAnswer = (claims: Record<string, unknown>, purpose: ReachPurpose) =>
    OWNERS.filter((owner) => reachesOwner(viewerFor(claims), purpose, owner))
      .map((owner) => owner.id)
      .sort();

  describe.each(CASES)('$who', ({ claims, see, decide }) => {
    it.each([
      ['see', see],
      ['decide', decide],
    ] as const)(
      'may %s exactly the expected owners, in TypeScript and in SQL',
      async (purpose, expected) => {
        expect(singleAnswer(claims, purpose)).toEqual([...expected].sort());
        expect(await sqlAnswer(claims, purpose)).toEqual([...expected].sort());
      },
    );
  });
});
