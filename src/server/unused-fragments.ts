import { NoUnusedFragmentsRule, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Accepts documents that carry fragments their operation does not use. GraphiQL sends only the
 * operation under the cursor, but every fragment of the tab with it, so a tab holding several
 * operations (the walk-through does) would fail validation on any operation that leaves one
 * fragment unused. An unused fragment is still checked by every other rule; it just never runs.
 */
export function useUnusedFragmentsAllowed(): Plugin {
  return {
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((schema, document, rules, ...rest) =>
        validateFn(
          schema,
          document,
          rules?.filter((rule: ValidationRule) => rule !== NoUnusedFragmentsRule),
          ...rest,
        ),
      );
    },
  };
}
