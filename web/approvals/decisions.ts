'use client';

import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { describeApiError } from '../apollo/api-errors';
import { forgetDecided } from '../apollo/cache-updates';
import { problemSentence } from '../components/error-panel';
import { graphql } from '../gql';

/** What a decision changes on an entry; the mutations answer it so the cache updates itself. */
export const DECIDED_FIELDS = graphql(`
  fragment DecidedFields on Timesheet {
    id
    status
    rejectionReason
    decidedBy
    decidedAt
    version
    updatedAt
  }
`);

const APPROVE = graphql(`
  mutation ApproveTimesheet($id: ID!, $expectedVersion: Int) {
    approveTimesheet(id: $id, expectedVersion: $expectedVersion) {
      ...DecidedFields
    }
  }
`);

const REJECT = graphql(`
  mutation RejectTimesheet($id: ID!, $reason: String!, $expectedVersion: Int) {
    rejectTimesheet(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ...DecidedFields
    }
  }
`);

const APPROVE_WEEK = graphql(`
  mutation ApproveWeek($userId: ID!, $weekStart: LocalDate!, $expectedVersion: Int) {
    approveWeek(userId: $userId, weekStart: $weekStart, expectedVersion: $expectedVersion) {
      ...DecidedFields
    }
  }
`);

const REJECT_WEEK = graphql(`
  mutation RejectWeek(
    $userId: ID!
    $weekStart: LocalDate!
    $reason: String!
    $expectedVersion: Int
  ) {
    rejectWeek(
      userId: $userId
      weekStart: $weekStart
      reason: $reason
      expectedVersion: $expectedVersion
    ) {
      ...DecidedFields
    }
  }
`);

/** What the approvals list lends each decision: its status line and its focus keeper. */
export interface DecisionContext {
  announce: (message: string) => void;
  willRemove: (key: string) => void;
  stay: () => void;
}

/** The four decisions; each forgets the approval lists and the histories it changed. */
export function useDecisionMutations() {
  const forget = { update: forgetDecidedAnswer };
  const [approve] = useMutation(APPROVE, forget);
  const [reject] = useMutation(REJECT, forget);
  const [approveWeek] = useMutation(APPROVE_WEEK, forget);
  const [rejectWeek] = useMutation(REJECT_WEEK, forget);
  return { approve, reject, approveWeek, rejectWeek };
}

function forgetDecidedAnswer(
  cache: Parameters<typeof forgetDecided>[0],
  result: { data?: Record<string, unknown> | null },
): void {
  const answer = Object.values(result.data ?? {})[0];
  const entries = (Array.isArray(answer) ? answer : [answer]) as ({ id?: string } | undefined)[];
  forgetDecided(
    cache,
    entries.flatMap((entry) => (entry?.id ? [entry.id] : [])),
  );
}

/**
 * Runs one decision: the item it removes is named first (so focus can move on), the outcome is
 * announced, and a refusal is shown next to the buttons. When the entries changed since they were
 * loaded (CONFLICT) or are gone (NOT_FOUND), the list is fetched again and says so.
 */
export function useDecision(context: DecisionContext) {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function decide(key: string, send: () => Promise<unknown>, success: string) {
    if (busy) return false;
    setBusy(true);
    setProblem(null);
    context.willRemove(key);
    try {
      await send();
      context.announce(success);
      return true;
    } catch (error) {
      context.stay();
      const described = describeApiError(error);
      if (described.kind === 'conflict' || described.kind === 'notFound') {
        forgetDecided(client.cache, []);
        setProblem(
          'This changed since you loaded it, so nothing was decided. The list has been reloaded: check it and decide again.',
        );
      } else {
        setProblem(problemSentence(described));
      }
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, problem, decide };
}
