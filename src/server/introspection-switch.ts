import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** With introspection off, `__schema` and `__type` fail validation like any unknown field. */
export function useIntrospectionSwitch(enabled: boolean): Plugin {
  if (enabled) return {};

  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
