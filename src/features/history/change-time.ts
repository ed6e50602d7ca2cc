import { badUserInput } from '../../platform/graphql/user-errors';

/**
 * When a status change happened, as the history stores it: the given ISO 8601
 * date-time in UTC, or the server's clock when none is given. A change dated
 * after the server's clock is refused: the history is a record of what
 * happened, and an entry from the future would stay the current state until
 * its date, whatever is written meanwhile.
 */
export function changeTime(at: string | null | undefined, now = new Date()): string {
  if (at === null || at === undefined) return now.toISOString();
  const time = Date.parse(at);
  if (Number.isNaN(time))
    throw badUserInput('at must be an ISO 8601 date-time', [{ path: 'at', message: 'must be an ISO 8601 date-time' }]);
  if (time > now.getTime()) {
    throw badUserInput(`at must not be in the future: ${at} is after the server's clock (${now.toISOString()})`, [
      { path: 'at', message: 'must not be in the future' },
    ]);
  }
  return new Date(time).toISOString();
}
