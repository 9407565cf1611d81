import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePeopleFile } from './people-file';

interface TenantUser {
  sub: string;
  name: string;
  email: string;
  team?: string;
}

describe("the local company's HR feed (importer/demo/people.csv, fed by npm start)", () => {
  it('names every user of the local tenant with the same name, email and team', () => {
    const tenant = JSON.parse(
      readFileSync(join(__dirname, '..', 'idp', 'tenant.json'), 'utf8'),
    ) as { users: TenantUser[] };
    const rows = parsePeopleFile(readFileSync(join(__dirname, 'demo', 'people.csv')));
    const fed = rows.map(({ person }) => person);
    expect(fed).toEqual(
      tenant.users.map((user) => ({
        id: user.sub,
        name: user.name,
        email: user.email,
        team: user.team ?? null,
      })),
    );
  });
});
