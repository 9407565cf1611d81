import { startOfWeek, toHundredths } from '../../core';

export interface PendingEntry {
  id: string;
  userId: string;
  date: string;
  project: string;
  hours: number;
}

export interface ApprovalGroup<T extends PendingEntry> {
  key: string;
  userId: string;
  /** The Monday of the group's week. */
  weekStart: string;
  entries: T[];
  /** Hundredths of an hour. */
  total: number;
}

/** Groups pending entries by person and ISO week, people in name order, newest week first. */
export function groupForApproval<T extends PendingEntry>(
  entries: readonly T[],
): ApprovalGroup<T>[] {
  const groups = new Map<string, ApprovalGroup<T>>();
  for (const entry of entries) {
    const weekStart = startOfWeek(entry.date);
    const key = `${entry.userId} ${weekStart}`;
    const group = groups.get(key) ?? {
      key,
      userId: entry.userId,
      weekStart,
      entries: [],
      total: 0,
    };
    group.entries.push(entry);
    group.total += toHundredths(entry.hours) ?? 0;
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.entries.sort(
      (a, b) => a.date.localeCompare(b.date) || a.project.localeCompare(b.project),
    );
  }
  return [...groups.values()].sort(
    (a, b) => a.userId.localeCompare(b.userId) || b.weekStart.localeCompare(a.weekStart),
  );
}
