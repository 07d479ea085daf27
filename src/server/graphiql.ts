import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { GRAPHIQL_EXAMPLE_TABS, type GraphiqlTab } from './graphiql-examples';

/**
 * GraphiQL with every script, style and worker inlined by the server itself: developers run this
 * on machines that reach no CDN, and a page that loads nothing from outside cannot leak what it
 * shows either.
 */
export function graphiqlOptions(
  tabs: readonly GraphiqlTab[] = GRAPHIQL_EXAMPLE_TABS,
): GraphiQLOptions & { initialVariables?: string } {
  return {
    title: 'backoffice-graph',
    defaultTabs: tabs.map((tab) => ({ query: tab.query, variables: tab.variables ?? null })),
    // GraphiQL 5 fills the first tab's query from defaultTabs but not its variables.
    initialVariables: tabs[0]?.variables,
    // API keys typed into the headers pane stay in the tab, not in the browser's storage.
    shouldPersistHeaders: false,
  };
}

/**
 * The page is about 9 MB of inlined assets, rebuilt by each call; Yoga hands over a fresh copy
 * of the same options on every request, so the last page is kept by the options' JSON.
 */
export function createGraphiqlRenderer(): (options: GraphiQLOptions) => string {
  let last: { key: string; page: string } | null = null;

  return (options) => {
    const key = JSON.stringify(options);
    if (last?.key !== key) last = { key, page: renderGraphiQL(options) };

    return last.page;
  };
}
