import type { Profile } from '../auth/session-store';

/** Up to two initials of a name (or an email's local part). */
export function initialsOf(name: string): string {
  const words = name
    .replace(/@.*$/, '')
    .split(/[\s._-]+/)
    .filter((word) => word.length > 0);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  return letters
    .map((word) => [...word][0] ?? '')
    .join('')
    .toUpperCase();
}

/** The picture, or the initials when there is none. */
export function Avatar({ profile, size = 32 }: { profile: Profile; size?: number }) {
  if (profile.picture) {
    return <img className="avatar" src={profile.picture} alt="" width={size} height={size} />;
  }
  return (
    <span
      className="avatar avatar-initials"
      aria-hidden="true"
      style={{ width: size, height: size }}
    >
      {initialsOf(profile.name)}
    </span>
  );
}

/** Avatar and name of the signed-in person, for the header. */
export function UserBadge({ profile }: { profile: Profile }) {
  return (
    <span className="user-badge">
      <Avatar profile={profile} />
      <span className="user-badge-name">{profile.name}</span>
    </span>
  );
}
