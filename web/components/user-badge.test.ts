import { initialsOf } from './user-badge';

describe('initialsOf', () => {
  it('takes the first letters of the first and last name', () => {
    expect(initialsOf('Maria Manager')).toBe('MM');
    expect(initialsOf('Emma')).toBe('E');
    expect(initialsOf('carlos@contractor.example')).toBe('C');
    expect(initialsOf('Jean-Luc de la Tour')).toBe('JT');
  });
});
