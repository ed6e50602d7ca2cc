import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './ide.css';
import { GRAPHQL_PATH } from '../shared/graphql-client';
import { EXAMPLE_TABS } from './example-operations';

/** Sends each operation to this service's /graphql; nothing else is contacted. */
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
    credentials: 'same-origin',
  });
  return response.json();
};

/**
 * GraphiQL 4 fills the variable editor of the first default tab only from its
 * `variables` prop, so pass the first example's variables while the browser
 * has no tabs of its own stored.
 */
function initialVariables(): string | undefined {
  try {
    if (localStorage.getItem('graphiql:tabState') !== null || localStorage.getItem('graphiql:variables') !== null)
      return undefined;
  } catch {
    // No storage (e.g. disabled): GraphiQL starts from the default tabs every time.
  }
  return EXAMPLE_TABS[0].variables;
}

const INITIAL_VARIABLES = initialVariables();

function Ide() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLE_TABS}
      variables={INITIAL_VARIABLES}
      defaultEditorToolsVisibility="variables"
      isHeadersEditorEnabled
    >
      <GraphiQL.Logo>
        <a className="ide-logo" href="/" title="Back to the chain explorer">
          Linkfall <span>GraphQL</span>
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql is missing from the page');
container.textContent = '';
createRoot(container).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
