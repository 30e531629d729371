/**
 * The loopback server's access token (`npm run web`).
 *
 * The page is opened at `http://127.0.0.1:PORT/?token=TOKEN`. The token is
 * moved to sessionStorage (it survives a reload of this tab, not a new tab)
 * and removed from the address bar so that it does not end up in the
 * history, a bookmark or a screenshot shared in committee.
 */
const KEY = 'arbitra.token';

export function takeToken(loc: Location = window.location, storage: Storage = sessionStorage) {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    const query = url.searchParams.toString();
    history.replaceState(
      history.state,
      '',
      `${url.pathname}${query ? `?${query}` : ''}${url.hash}`,
    );
    return fromUrl;
  }
  return storage.getItem(KEY);
}
