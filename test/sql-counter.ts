import {
  InsertQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * A Kysely plugin that records every statement the app sends (it changes nothing), so that a test
 * can count the SQL statements of one request. Give the app `db.withPlugin(counter)`.
 */
export interface SqlCounter extends KyselyPlugin {
  /** How many statements were sent since the last reset. */
  count: () => number;
  /** How many of them were `insert into <table>`. */
  insertsInto: (table: string) => number;
  /** Forgets the statements sent so far. */
  reset: () => void;
}

export function createSqlCounter(): SqlCounter {
  let sent: RootOperationNode[] = [];
  return {
    transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
      sent.push(node);
      return node;
    },
    transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return Promise.resolve(result);
    },
    count: () => sent.length,
    insertsInto: (table) =>
      sent.filter((node) => InsertQueryNode.is(node) && node.into?.table.identifier.name === table)
        .length,
    reset: () => {
      sent = [];
    },
  };
}
