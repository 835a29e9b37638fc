// Which page the address names. Hash routes keep the server's fallback trivial: every page is the one index.html.
import { useEffect, useState } from 'react';

export type Route = { page: 'jobs' } | { page: 'new' } | { page: 'review'; id: string } | { page: 'video'; id: string };

export function routeOf(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (page === 'new') return { page: 'new' };
  if ((page === 'review' || page === 'video') && id) return { page, id };
  return { page: 'jobs' };
}

export const hrefOf = (route: Route): string => ('id' in route ? `#/${route.page}/${encodeURIComponent(route.id)}` : `#/${route.page}`);

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

export function go(route: Route): void {
  window.location.hash = hrefOf(route);
}
