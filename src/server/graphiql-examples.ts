/**
 * The tabs GraphiQL opens with on a first visit (later visits restore the user's own tabs).
 * The first is deliberately cheap: one upstream call, usually answered from cache, and it
 * answers the first question a newcomer has, which location to work in.
 */
export interface GraphiqlTab {
  query: string;
  variables?: string;
}

export const LOCATIONS_EXAMPLE = `# Welcome to backoffice-graph. Press run (Ctrl+Enter).
#
# Three of the 18 locations are named "Sandbox":
#  1989 AZ dispensary: 4 rooms, vendors set up.
#       Use this one for intake work.
#  2862 IL manufacturing: no rooms, so a receive
#       lands but creates no packages.
#  2869 OH dispensary: Ohio-specific flows only.
#
# canReceive reads each location's rooms: a login
# and four upstream calls once, then cached for
# five minutes (see extensions.cost).
query SandboxLocations {
  locations(sandbox: true) {
    locId
    name
    state
    companyType
    canReceive
  }
}
`;

export const GRAPHIQL_EXAMPLE_TABS: readonly GraphiqlTab[] = [{ query: LOCATIONS_EXAMPLE }];
