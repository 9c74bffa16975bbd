/**
 * Worker-thread entry for building the search index off the main thread.
 * Receives `{ docs }`, says `started` (so a supervisor knows the script loaded and took the
 * request), answers with a partial index (current versions only, which is what the default
 * search shows), then with the full index; both serialized and transferred. Run under
 * supervision (supervisedWorker.ts): a crash, a hang or an `error` reply restarts it.
 */
import { parentPort } from 'node:worker_threads';
import { SearchIndex, type SearchDocInput } from '../core/search';

export interface BuildRequest {
  docs: SearchDocInput[];
}

export type BuildReply =
  | { type: 'started' }
  | { type: 'partial'; data: Uint8Array; size: number }
  | { type: 'done'; data: Uint8Array; size: number; buildMs: number }
  | { type: 'error'; message: string };

function send(reply: BuildReply): void {
  const transfer = reply.type === 'partial' || reply.type === 'done' ? [reply.data.buffer as ArrayBuffer] : [];
  parentPort!.postMessage(reply, transfer);
}

if (parentPort) {
  parentPort.on('message', (req: BuildRequest) => {
    send({ type: 'started' });
    try {
      const t0 = performance.now();
      const current = req.docs.filter((d) => d.isCurrent);
      if (current.length > 0 && current.length < req.docs.length) {
        const partial = SearchIndex.build(current);
        send({ type: 'partial', data: partial.serialize(), size: partial.size });
      }
      const full = SearchIndex.build(req.docs);
      send({ type: 'done', data: full.serialize(), size: full.size, buildMs: performance.now() - t0 });
    } catch (error) {
      send({ type: 'error', message: (error as Error).message });
    }
  });
}
