/** The current route, following the address bar's hash. */
import { parseHash, type Route } from './route';

export const DEFAULT_SCREEN = 'portefeuille';

class Router {
  route = $state<Route>(parseHash(window.location.hash, DEFAULT_SCREEN));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseHash(window.location.hash, DEFAULT_SCREEN);
    });
  }

  go(hash: string) {
    if (window.location.hash !== hash) window.location.hash = hash;
  }
}

export const router = new Router();
