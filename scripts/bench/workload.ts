/** The operation both servers answer: the first page of the caller's entries, as the web app asks. */

/** The entry fields selected, in the order the response lists them (web/timesheets/entry-list). */
export const NODE_FIELDS = [
  'id',
  'date',
  'project',
  'hours',
  'notes',
  'status',
  'rejectionReason',
] as const;

export const PAGE_SIZE = 50;

export const PAGE_QUERY = `query Page($first: Int!, $after: String) {
  timesheets(first: $first, after: $after) {
    edges { cursor node { ${NODE_FIELDS.join(' ')} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The POST body both servers receive. */
export const PAGE_BODY = JSON.stringify({
  operationName: 'Page',
  query: PAGE_QUERY,
  variables: { first: PAGE_SIZE },
});

/** The scope the page needs. */
export const READ_SCOPE = 'read:timesheets';
