/**
 * Hash routes, as plain functions: `#/portefeuille`, `#/parametres`,
 * `#/projet/P03`… The screen ids come from the screen registry.
 */
export type Route = { screen: string; projectId?: string };

export function parseHash(hash: string, defaultScreen: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === '') return { screen: defaultScreen };
  const [head, ...rest] = path.split('/');
  if (head === 'projet' && rest.length > 0) {
    return { screen: 'project', projectId: decodeURIComponent(rest.join('/')) };
  }
  return { screen: decodeURIComponent(head ?? defaultScreen) };
}

export function projectHref(id: string): string {
  return `#/projet/${encodeURIComponent(id)}`;
}

export function screenHref(screen: string): string {
  return `#/${encodeURIComponent(screen)}`;
}
