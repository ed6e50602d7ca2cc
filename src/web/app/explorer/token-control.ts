import { storedToken, storeToken } from '../shared/auth-token';
import { graphql } from '../shared/graphql-client';
import { errorMessage, h, replaceChildren } from './dom';

const ME = /* GraphQL */ `
  query ExplorerMe {
    me {
      actor
      role
    }
  }
`;

/**
 * The top bar's token control: a field to paste an API token or a JWT, kept
 * for this tab and sent with every request; it says who the service takes
 * the user for. `changed` runs after each save or sign-out.
 */
export function tokenControl(changed: () => void): HTMLElement {
  const input = h<HTMLInputElement>('input#token-input', {
    type: 'password',
    placeholder: 'API token or JWT',
    autocomplete: 'off',
    'aria-label': 'API token or JWT for this tab',
  });
  const status = h('span.token-status#token-status', { 'aria-live': 'polite' });
  const describe = async () => {
    replaceChildren(status, '…');
    try {
      const { me } = await graphql<{ me: { actor: string; role: string | null } }>(ME);
      replaceChildren(status, me.role ? `${me.actor} · ${me.role.toLowerCase()}` : me.actor);
      status.classList.remove('error');
    } catch (error) {
      replaceChildren(status, errorMessage(error));
      status.classList.add('error');
    }
  };
  const form = h(
    'form.token-form#token-form',
    {
      onsubmit: (event: Event) => {
        event.preventDefault();
        storeToken(input.value);
        input.value = '';
        void describe();
        changed();
      },
    },
    input,
    h('button.button#token-save', { type: 'submit' }, 'Use'),
    h(
      'button.button.ghost#token-clear',
      {
        type: 'button',
        title: 'Forget the token of this tab',
        onclick: () => {
          storeToken(null);
          void describe();
          changed();
        },
      },
      'Sign out',
    ),
    status,
  );
  if (storedToken()) void describe();
  return form;
}
