import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { json, startServer } from './helpers.js';

describe('a killed server loses nothing it acknowledged', () => {
  it('keeps every write answered 201 before SIGKILL', async () => {
    const db = join(tempDir(), 'trellis.sqlite');
    const server = await startServer(['--port', '0', '--db', db]);
    const acknowledged = new Map<number, string>();
    let stop = false;
    // Eight writers in parallel until the kill; each records only what the server confirmed.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const title = `writer ${w} entry ${i}`;
        try {
          const { status, body } = await json(`${server.url}/api/evidence`, {
            method: 'POST',
            body: { date: '2026-01-01', title },
          });
          if (status === 201) acknowledged.set((body as { id: number }).id, title);
        } catch {
          return; // the connection died with the server: that write was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (acknowledged.size < 200) await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect((await server.exited).signal).toBe('SIGKILL');

    const restarted = await startServer(['--port', '0', '--db', db]);
    try {
      // Every page of the log, following nextCursor.
      const stored = new Map<number, string>();
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${cursor}`;
        const { body } = await json(`${restarted.url}/api/evidence?limit=500${query}`);
        const page = body as { entries: { id: number; title: string }[]; nextCursor: string | null };
        for (const entry of page.entries) stored.set(entry.id, entry.title);
        cursor = page.nextCursor;
      } while (cursor !== null);
      for (const [id, title] of acknowledged) expect(stored.get(id), `entry ${id}`).toBe(title);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });
});
