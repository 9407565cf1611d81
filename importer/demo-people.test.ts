import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEDULE } from '../core/work-week';
import { parseHolidaysFile } from './holidays-file';
import { parsePeopleFile } from './people-file';

interface TenantUser {
  sub: string;
  name: string;
  email: string;
  team?: string;
}

const demo = (file: string) => readFileSync(join(__dirname, 'demo', file));

describe("the local company's HR feed (importer/demo/people.csv, fed by npm start)", () => {
  const rows = parsePeopleFile(demo('people.csv'));

  it('names every user of the local tenant with the same name, email and team', () => {
    const tenant = JSON.parse(
      readFileSync(join(__dirname, '..', 'idp', 'tenant.json'), 'utf8'),
    ) as { users: TenantUser[] };
    const fed = rows.map(({ person: { id, name, email, team } }) => ({ id, name, email, team }));
    expect(fed).toEqual(
      tenant.users.map((user) => ({
        id: user.sub,
        name: user.name,
        email: user.email,
        team: user.team ?? null,
      })),
    );
  });

  it('gives Carlos the contractor no fixed hours, and everyone else 8 hours Monday to Friday', () => {
    const schedules = Object.fromEntries(
      rows.map(({ person }) => [person.id, person.schedule ?? DEFAULT_SCHEDULE]),
    );
    expect(schedules).toEqual({
      'auth0|emma': [8, 8, 8, 8, 8, 0, 0],
      'auth0|eli': [8, 8, 8, 8, 8, 0, 0],
      'auth0|carlos': [0, 0, 0, 0, 0, 0, 0],
      'auth0|maria': DEFAULT_SCHEDULE,
      'auth0|omar': DEFAULT_SCHEDULE,
      'auth0|olivia': DEFAULT_SCHEDULE,
      'auth0|paula': DEFAULT_SCHEDULE,
    });
    expect(rows.every(({ person }) => person.employedFrom !== null)).toBe(true);
    expect(rows.every(({ person }) => person.employedUntil === null)).toBe(true);
  });
});

describe("the local company's calendar (importer/demo/holidays.csv, fed by npm start)", () => {
  it('holds the year-end public holidays', () => {
    const dates = parseHolidaysFile(demo('holidays.csv')).map(({ holiday }) => holiday.date);
    expect(dates).toEqual(
      expect.arrayContaining(['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01']),
    );
  });
});
