/* FloodReady field app service worker: the app shell is kept on the phone so the app opens with no network.
   API calls are not touched here: the app keeps its reference data and its outbox in IndexedDB itself. */
const SHELL = 'floodready-field-v4';
const FILES = ['/field/', '/field/index.html', '/field/field.css', '/field/field-core.js', '/field/field-keeper.js',
  '/field/field-river.js', '/field/field-gauge.js', '/field/field-rounds.js', '/field/field-requests.js', '/field/field-incidents.js', '/field/field-returns.js', '/field/field.js', '/field/manifest.webmanifest',
  '/field/icon.svg', '/field/icon-maskable.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The kept copy first (the app opens at once, also with no network), refreshed in the background so the
// next start shows a new version.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith('/field/')) return;
  const fresh = fetch(event.request).then((res) => {
    if (res.ok) {
      const copy = res.clone();
      caches.open(SHELL).then((c) => c.put(event.request, copy));
    }
    return res;
  });
  event.respondWith(caches.match(event.request, { ignoreSearch: true }).then((hit) => {
    if (hit) { fresh.catch(() => {}); return hit; }
    return fresh.catch(() => caches.match('/field/index.html'));
  }));
});
