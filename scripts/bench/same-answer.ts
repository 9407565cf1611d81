import { deepStrictEqual } from 'node:assert/strict';
import type { ServerChild } from './server-child';
import { PAGE_QUERY, PAGE_SIZE } from './workload';

/** How the two sides' answers compared. */
export interface SameAnswer {
  checked: number;
  byteIdentical: boolean;
}

async function post(url: string, token: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ operationName: 'Page', query: PAGE_QUERY, variables }),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`the ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return text;
}

/**
 * Asks both sides for the same pages (a first page, and the page after it) with several users'
 * tokens and throws unless the answers are deep-equal, full pages without errors. A benchmark that
 * compares different work is worthless.
 */
export async function checkSameAnswer(
  [api, baseline]: readonly [ServerChild, ServerChild],
  tokens: readonly string[],
): Promise<SameAnswer> {
  let checked = 0;
  let byteIdentical = true;
  for (const token of tokens) {
    let variables: Record<string, unknown> = { first: PAGE_SIZE };
    for (let page = 0; page < 2; page++) {
      const [fromApi, fromBaseline] = [
        await post(api.url, token, variables),
        await post(baseline.url, token, variables),
      ];
      const parsed = JSON.parse(fromApi) as {
        data?: { timesheets: { edges: unknown[]; pageInfo: { endCursor: string } } };
        errors?: unknown;
      };
      if (parsed.errors !== undefined || parsed.data?.timesheets.edges.length !== PAGE_SIZE) {
        throw new Error(`the API did not answer a full page: ${fromApi.slice(0, 300)}`);
      }
      deepStrictEqual(JSON.parse(fromBaseline), parsed, 'the baseline answers other JSON');
      byteIdentical &&= fromApi === fromBaseline;
      checked += 1;
      variables = { first: PAGE_SIZE, after: parsed.data.timesheets.pageInfo.endCursor };
    }
  }
  return { checked, byteIdentical };
}
