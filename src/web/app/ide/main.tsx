import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './ide.css';
import { authorizationHeader, storedToken, storeToken } from '../shared/auth-token';
import { GRAPHQL_PATH } from '../shared/graphql-client';
import { EXAMPLE_TABS } from './example-operations';

/** The subscription endpoint: this service's /graphql over WebSocket (graphql-ws). */
const SUBSCRIPTION_URL = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`;

/** One graphql-ws client per Authorization value: the credentials go once, when the connection opens. */
const liveClients = new Map<string, Client>();

function liveClient(authorization: string | undefined): Client {
  const key = authorization ?? '';
  let client = liveClients.get(key);
  if (!client) {
    client = createClient({
      url: SUBSCRIPTION_URL,
      lazy: true,
      connectionParams: authorization ? { authorization } : {},
    });
    liveClients.set(key, client);
  }
  return client;
}

/** True when the operation GraphiQL runs is a subscription. */
function isSubscription(query: string, operationName: string | null | undefined): boolean {
  try {
    return getOperationAST(parse(query), operationName ?? undefined)?.operation === 'subscription';
  } catch {
    // Unparsable: the service answers with the syntax error over HTTP.
    return false;
  }
}

/**
 * Sends each operation to this service's /graphql; nothing else is contacted.
 * The pasted token goes as Authorization unless the headers editor sets one.
 * Subscriptions go over WebSocket to the same path, with the same token.
 */
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const headers: Record<string, string> = {
    ...authorizationHeader(),
    ...((options?.headers ?? {}) as Record<string, string>),
  };
  if (isSubscription(params.query, params.operationName)) {
    return liveClient(headers.authorization ?? headers.Authorization).iterate({
      query: params.query,
      variables: params.variables ?? undefined,
      operationName: params.operationName ?? undefined,
    });
  }
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...headers,
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

/** The toolbar's key button: paste an API token or a JWT, kept for this tab; empty signs out. */
function TokenButton() {
  const [token, setToken] = useState(storedToken());
  const ask = () => {
    const next = window.prompt('Paste an API token (lfk_...) or a JWT for this tab; leave empty to sign out', '');
    if (next === null) return;
    storeToken(next);
    setToken(storedToken());
  };
  return (
    <button
      type="button"
      id="ide-token-button"
      className={`graphiql-un-styled graphiql-toolbar-button ide-token-button${token ? ' signed-in' : ''}`}
      title={token ? 'A token is set for this tab: click to change it or sign out' : 'Use a token (API token or JWT)'}
      aria-label="Token"
      onClick={ask}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <circle cx="8" cy="12" r="4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M12 12h9m-3 0v3m-3-3v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      </svg>
    </button>
  );
}

function Ide() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLE_TABS}
      variables={INITIAL_VARIABLES}
      defaultEditorToolsVisibility="variables"
      isHeadersEditorEnabled
    >
      <GraphiQL.Toolbar>
        {({ prettify, merge, copy }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <TokenButton />
          </>
        )}
      </GraphiQL.Toolbar>
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
