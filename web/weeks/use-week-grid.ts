'use client';

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { addDays, MAX_PROJECT_LENGTH } from '../../core';
import { describeApiError } from '../apollo/api-errors';
import { forgetOwnWeek } from '../apollo/cache-updates';
import { problemSentence } from '../components/error-panel';
import type { WeekFieldsFragment } from '../gql/graphql';
import { buildGrid, gridTotals, pendingChanges, projectsOf } from './grid-model';
import type { Drafts } from './grid-model';
import { MY_WEEK, SAVE_WEEK, WEEK_PROJECTS } from './week-documents';
import { weekConflictSentence } from './week-status';

/** The cell a BAD_USER_INPUT `field` such as `cells[2].hours` names, by its index. */
function cellIndexOf(field: string | null): number | null {
  const match = field ? /^cells\[(\d+)\]/.exec(field) : null;
  return match ? Number(match[1]) : null;
}

/**
 * The state of the week grid: what was typed per cell, the rows added by hand or copied from last
 * week, the totals as shown, and saving it all with one `saveWeek` that carries the week's version.
 */
export function useWeekGrid(week: WeekFieldsFragment, announce: (message: string) => void) {
  const client = useApolloClient();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [added, setAdded] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [badCell, setBadCell] = useState<string | null>(null);
  const [saveWeek, saving] = useMutation(SAVE_WEEK, {
    update: (cache) =>
      forgetOwnWeek(
        cache,
        week.entries.map((entry) => entry.id),
      ),
  });

  const grid = useMemo(
    () => buildGrid(week.weekStart, week.entries, added),
    [week.weekStart, week.entries, added],
  );
  const totals = useMemo(
    () => gridTotals(grid, drafts, week.absences),
    [grid, drafts, week.absences],
  );
  const changes = useMemo(() => pendingChanges(grid, drafts), [grid, drafts]);

  function type(key: string, text: string) {
    setDrafts((current) => ({ ...current, [key]: text }));
    if (badCell === key) setBadCell(null);
  }

  /** Adds an empty row; answers why not, or null. */
  function addRow(name: string): string | null {
    const project = name.trim();
    if (project.length === 0 || [...project].length > MAX_PROJECT_LENGTH) {
      return `A project name has 1 to ${MAX_PROJECT_LENGTH} characters.`;
    }
    if (grid.rows.some((row) => row.project === project)) return `${project} already has a row.`;
    setAdded((current) => [...current, project]);
    return null;
  }

  async function copyLastWeek() {
    const previous = addDays(week.weekStart, -7);
    try {
      const { data } = await client.query({
        query: WEEK_PROJECTS,
        variables: { weekStart: previous },
        fetchPolicy: 'network-only',
      });
      const have = new Set(grid.rows.map((row) => row.project));
      const copied = projectsOf(data?.week.entries ?? []).filter((project) => !have.has(project));
      setAdded((current) => [...current, ...copied]);
      announce(
        copied.length === 0
          ? 'Last week has no rows that are not here already.'
          : `Copied ${copied.length} ${copied.length === 1 ? 'row' : 'rows'} from last week: ${copied.join(', ')}.`,
      );
    } catch (error) {
      setProblem(problemSentence(describeApiError(error)));
    }
  }

  async function save(): Promise<boolean> {
    if (saving.loading) return false;
    setProblem(null);
    setBadCell(null);
    if (changes.invalid.length > 0) {
      setBadCell(changes.invalid[0] ?? null);
      setProblem('Some cells are not hours: type a number from 0 to 24, at most two decimals.');
      return false;
    }
    if (changes.cells.length === 0) {
      announce('Nothing to save: no cell changed.');
      return false;
    }
    try {
      const { data } = await saveWeek({
        variables: {
          weekStart: week.weekStart,
          expectedVersion: week.version,
          cells: changes.cells,
        },
      });
      setDrafts({});
      const count = changes.cells.length;
      const withdrawn =
        week.status === 'SUBMITTED' && data?.saveWeek.status === 'OPEN'
          ? ' The week went back to Open: submit it again when it is ready.'
          : '';
      announce(`Saved the week: ${count} ${count === 1 ? 'cell' : 'cells'} changed.${withdrawn}`);
      return true;
    } catch (error) {
      const described = describeApiError(error);
      if (described.kind === 'conflict') {
        setProblem(`${weekConflictSentence(described)} Your typing is kept.`);
        await client.refetchQueries({ include: [MY_WEEK] });
      } else if (described.kind === 'badInput') {
        const index = cellIndexOf(described.field);
        const cell = index === null ? undefined : changes.cells[index];
        if (cell) setBadCell(JSON.stringify([cell.project, cell.date]));
        setProblem(described.message);
      } else {
        setProblem(problemSentence(described));
      }
      return false;
    }
  }

  return {
    grid,
    drafts,
    totals,
    changes,
    problem,
    badCell,
    saving: saving.loading,
    type,
    addRow,
    copyLastWeek,
    save,
    discard: () => {
      setDrafts({});
      setProblem(null);
      setBadCell(null);
    },
  };
}

export type WeekGridState = ReturnType<typeof useWeekGrid>;
