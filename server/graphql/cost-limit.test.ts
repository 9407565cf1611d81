import {
  getNamedType,
  isInputObjectType,
  Kind,
  OperationTypeNode,
  parse,
  typeFromAST,
  type OperationDefinitionNode,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE, MAX_TEAM_WEEKS_PAGE, MAX_WEEKS_PER_PAGE } from '../../core/api';
import { MAX_COST } from './apollo';
import { pageSizeEstimator } from './cost-limit-plugin';
import { createSchema } from './schema';
import { loadTrustedDocuments } from './trusted-documents';

const schema = createSchema();
const SAMPLES: Record<string, unknown> = {
  LocalDate: '2026-11-23',
  String: 'x',
  ID: 'x',
  Boolean: true,
};

/** The largest `first` of the paged fields that allow fewer than MAX_PAGE_SIZE. */
const LARGEST_PAGES: [field: string, largest: number][] = [
  ['approvalWeeks', MAX_WEEKS_PER_PAGE],
  ['teamWeeks', MAX_TEAM_WEEKS_PAGE],
];

/** Variables for a query: every Int at the largest page size its field allows. */
function largestVariables(text: string, operation: OperationDefinitionNode) {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const named = getNamedType(typeFromAST(schema, definition.type as never));
    if (!named || isInputObjectType(named)) return null;
    const largest =
      LARGEST_PAGES.find(([field]) => text.includes(`${field}(`))?.[1] ?? MAX_PAGE_SIZE;
    variables[definition.variable.name.value] =
      named.name === 'Int' ? largest : SAMPLES[named.name];
  }
  return variables;
}

describe('the cost limit', () => {
  const queries = [...loadTrustedDocuments()].flatMap(([hash, text]) => {
    const document = parse(text);
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (
      operation?.kind !== Kind.OPERATION_DEFINITION ||
      operation.operation !== OperationTypeNode.QUERY
    )
      return [];
    const variables = largestVariables(text, operation);
    return variables ? [[operation.name?.value ?? hash, document, variables] as const] : [];
  });

  it('has queries of the shipped clients to check', () => {
    expect(queries.length).toBeGreaterThan(5);
  });

  it.each(queries)(
    'lets the shipped query %s run at its largest page size',
    (_name, query, variables) => {
      const cost = getComplexity({ estimators: [pageSizeEstimator], schema, query, variables });
      expect(cost).toBeLessThanOrEqual(MAX_COST);
    },
  );
});
