/** The subgraphs' names, in the order they are composed and started. */
export const SUBGRAPH_NAMES = ['centres', 'programs', 'donations', 'households', 'councils']
