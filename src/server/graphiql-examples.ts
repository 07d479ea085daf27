/**
 * The tabs GraphiQL opens with on a first visit (later visits restore the user's own tabs).
 * The first is deliberately cheap: one upstream call, usually answered from cache, and it
 * answers the first question a newcomer has, which location to work in.
 */
export interface GraphiqlTab {
  query: string;
  variables?: string;
}

export const LOCATIONS_EXAMPLE = `# Welcome to backoffice-graph. Press the run button (or Ctrl+Enter).
#
# The employee account sees 18 locations; three of them are named "Sandbox":
#   1989  AZ dispensary     4 rooms, vendors configured: use this one for intake work
#   2862  IL manufacturing  no rooms at all: a receive there lands but creates no packages
#   2869  OH dispensary     only for Ohio-specific flows
#
# The list always comes from the unfiltered location call: filtering by LSP upstream
# silently hides locations, which is how a team once wrote down the wrong sandbox.
query SandboxLocations {
  locations {
    locId
    name
    state
    lspId
    companyType
    isSandbox
  }
}
`;

export const GRAPHIQL_EXAMPLE_TABS: readonly GraphiqlTab[] = [{ query: LOCATIONS_EXAMPLE }];
