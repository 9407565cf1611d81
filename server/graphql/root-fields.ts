import {
  Kind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The response keys of an operation's root fields (an alias counts apart from its field), through
 * inline fragments and fragment spreads, without introspection fields: each one a root field
 * that runs.
 */
export function rootResponseKeys(
  document: DocumentNode | undefined,
  operation: OperationDefinitionNode | undefined,
): Set<string> {
  const keys = new Set<string>();
  const fragments = new Map(
    (document?.definitions ?? []).flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!selection.name.value.startsWith('__')) {
          keys.add(selection.alias?.value ?? selection.name.value);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  if (operation) visit(operation.selectionSet, new Set());
  return keys;
}
