/** A response stored byte for byte, ready to be written again without running yoga. */
export interface StoredResponse {
  status: number;
  /** The response headers as Node's `writeHead` takes them flat: name, value, name, value. */
  headers: readonly string[];
  /** The headers of a 304 for it: the same, less the content-* ones (RFC 9110 section 15.4.5). */
  notModifiedHeaders: readonly string[];
  body: Buffer;
  /** The entity-tag from the stored headers, for If-None-Match. */
  etag: string | null;
}

/**
 * A least-recently-used store of whole responses, bounded by count and by bytes. The catalogue
 * only changes with a release, so an answer stays right for the life of the process.
 */
export class ReplayCache {
  readonly #entries = new Map<string, StoredResponse>();
  #bytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): StoredResponse | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      // Re-inserting moves the key to the most recently used end of the Map's order.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, response: StoredResponse): void {
    const size = key.length + response.body.length;
    if (size > this.maxBytes) return;
    this.delete(key);
    this.#entries.set(key, response);
    this.#bytes += size;
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= key.length + entry.body.length;
  }
}
