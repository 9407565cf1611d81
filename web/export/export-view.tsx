'use client';

import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { isLocalDate, SCOPES } from '../../core';
import { RequireAuth } from '../auth/require-auth';
import { ErrorPanel } from '../components/error-panel';
import { graphql } from '../gql';
import type { ExportEntriesQuery } from '../gql/graphql';
import { todayLocal } from '../lib/format';
import { toCsv } from './csv';

const EXPORT_ENTRIES = graphql(`
  query ExportEntries($from: LocalDate!, $to: LocalDate!, $after: String) {
    timesheets(from: $from, to: $to, first: 200, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          date
          project
          hours
          notes
          status
          rejectionReason
        }
      }
    }
  }
`);

type Entry = ExportEntriesQuery['timesheets']['edges'][number]['node'];

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ExportForm() {
  const client = useApolloClient();
  const today = todayLocal();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function exportRange(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!isLocalDate(from) || !isLocalDate(to) || from > to) {
      setRangeError('Choose a start date on or before the end date.');
      document.getElementById('export-from')?.focus();
      return;
    }
    setRangeError(null);
    setBusy(true);
    try {
      const entries: Entry[] = [];
      let after: string | null = null;
      for (;;) {
        const result: { data?: ExportEntriesQuery } = await client.query({
          query: EXPORT_ENTRIES,
          variables: { from, to, after },
          fetchPolicy: 'network-only',
        });
        const page: ExportEntriesQuery['timesheets'] | undefined = result.data?.timesheets;
        if (!page) throw new Error('The API answered without data');
        entries.push(...page.edges.map((edge) => edge.node));
        setStatus(`Fetched ${entries.length} of ${page.totalCount} entries…`);
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      entries.sort((a, b) => a.date.localeCompare(b.date));
      const filename = `timesheets-${from}-to-${to}.csv`;
      download(filename, toCsv(entries));
      setStatus(
        `Exported ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} to ${filename}.`,
      );
    } catch (error) {
      setStatus(null);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="export-title">
      <h1 id="export-title">Export my entries</h1>
      <p>Download your entries of a date range as a CSV file for a spreadsheet.</p>
      <form className="export-form" onSubmit={(event) => void exportRange(event)} noValidate>
        <div className="field">
          <label htmlFor="export-from">From</label>
          <input
            id="export-from"
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? 'export-range-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="export-to">To</label>
          <input
            id="export-to"
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {busy ? 'Exporting…' : 'Download CSV'}
          </button>
        </div>
      </form>
      {rangeError && (
        <p id="export-range-error" className="field-error">
          {rangeError}
        </p>
      )}
      <p role="status" className="form-status">
        {status}
      </p>
      {failure !== null && <ErrorPanel error={failure} title="The export failed" />}
    </section>
  );
}

/** Export: my entries of a chosen range as CSV, fetched page by page from the API. */
export function ExportView() {
  return (
    <RequireAuth title="Export my entries" scope={SCOPES.read}>
      <ExportForm />
    </RequireAuth>
  );
}
