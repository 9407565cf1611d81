import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The redirect that came back to the loopback server, and how to answer the waiting browser. */
export interface Callback {
  /** The full redirect URL, with its query (code, state, iss or error). */
  url: URL;
  /** Answers the browser with a short page, then stops listening. */
  finish(ok: boolean, message: string): void;
}

/** A one-shot HTTP server on 127.0.0.1 catching the authorization response (RFC 8252 §7.3). */
export interface LoopbackReceiver {
  /** `http://127.0.0.1:<port>/callback`, the redirect URI to register and send. */
  redirectUri: string;
  /** Resolves with the first callback carrying `state`; rejects after `timeoutMs`. */
  callback(state: string, timeoutMs: number): Promise<Callback>;
  close(): void;
}

const CALLBACK_PATH = '/callback';

function page(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'",
    connection: 'close',
  });
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.end(`<!doctype html><title>Timesheets</title><p>${text}</p>`);
}

/**
 * Listens on 127.0.0.1 on a port the system picks (RFC 8252 §7.3 and §8.3: the IP literal, not
 * `localhost`). Requests other than the expected callback are answered 404 or 400 and ignored.
 */
export async function startLoopbackReceiver(): Promise<LoopbackReceiver> {
  let onCallback: ((url: URL, res: ServerResponse) => boolean) | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', redirectUri);
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) return page(res, 404, 'Not found.');
    if (!onCallback?.(url, res)) page(res, 400, 'This sign-in is not the one the terminal awaits.');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const redirectUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;
  const close = () => {
    server.close();
    // A browser may hold an idle keep-alive connection; the answered one closes by itself.
    server.closeIdleConnections();
  };
  const callback = (state: string, timeoutMs: number) =>
    new Promise<Callback>((resolve, reject) => {
      const timer = setTimeout(() => {
        onCallback = undefined;
        reject(new Error(`no sign-in came back within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      onCallback = (url, res) => {
        if (url.searchParams.get('state') !== state) return false;
        clearTimeout(timer);
        onCallback = undefined;
        resolve({ url, finish: (ok, message) => page(res, ok ? 200 : 400, message) });
        return true;
      };
    });
  return { redirectUri, callback, close };
}
