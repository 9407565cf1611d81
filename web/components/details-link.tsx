import Link from 'next/link';

/** The link to an entry's details page (its history), named for screen readers by `label`. */
export function DetailsLink({ entryId, label }: { entryId: string; label: string }) {
  return (
    <Link
      className="button button-quiet button-small"
      href={`/entry/?id=${encodeURIComponent(entryId)}`}
      aria-label={`Details and history: ${label}`}
    >
      Details
    </Link>
  );
}
