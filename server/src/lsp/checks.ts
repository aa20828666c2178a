// When the server checks a document, and what it keeps of it.
//
// Edits come in bursts (typing, a paste, an undo, a client replaying its changes), and a check of
// a large document takes longer than the gap between edits. A lone edit is checked at once; an
// edit that comes sooner after the one before than a check of the document takes is part of a
// burst: it (re)arms a short quiet period, and the check runs once the document has been quiet
// that long, on its latest version. The quiet period is as long as the document's last check took,
// capped: waiting costs at most what a superseded check would have cost. Before a check starts
// and before its result is published, messages that arrived meanwhile are read; a check whose
// document changed again is dropped, not published.
//
// Per document the server keeps the text (TextDocuments) and the result of the last check while
// it is still the current version: a change drops it. So memory follows the document's size, not
// the number of edits; nothing holds an old version's result once a newer version has arrived.
//
// Requests wait for the check of the version they were made against; when the document moves on
// meanwhile they are answered with ContentModified (the editor asks again), and a cancelled
// request stops waiting.

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText, type LintResult, type ResolvedConfig } from '../engine';

export interface DocumentState {
  uri: string;
  version: number;
  result: LintResult;
  config: ResolvedConfig;
}

/** The longest quiet period before a check, in ms. */
const MAX_QUIET_MS = 50;

interface Waiter {
  /** The version wanted; undefined: whichever is current when a check completes. */
  version: number | undefined;
  resolve: (state: DocumentState) => void;
  reject: (err: unknown) => void;
}

interface Entry {
  /** The last check, while it is of the current version and config. */
  state: DocumentState | undefined;
  /** Counts changes (edits, new config): a check of an older generation is stale. */
  generation: number;
  /** The generation a check is running for, if any. */
  checking: number | undefined;
  /** Cancels the pending start of a check (a timer for a quiet period, an immediate for none). */
  timer: (() => void) | undefined;
  /** How long the last check took (ms): the quiet period within a burst. */
  lastDuration: number;
  /** When the last change came (performance.now()). */
  lastChange: number;
  waiters: Waiter[];
}

export interface CheckHost {
  /** The document as the editor has it now (undefined once closed). */
  document(uri: string): TextDocument | undefined;
  config(uri: string): Promise<ResolvedConfig>;
  /** A check of the current version, to show. */
  publish(state: DocumentState): void;
  error(message: string): void;
}

/** Stops a pending check from starting. */
function cancel(entry: Entry): void {
  entry.timer?.();
  entry.timer = undefined;
}

function contentModified(uri: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, `文档已更改: ${uri}`);
}

/** Lets messages that arrived while the server was busy be read and handled (two event-loop turns: one to read, one to handle). */
function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

export class DocumentChecks {
  private readonly entries = new Map<string, Entry>();
  /** How many checks have run (tests read it: a burst is checked once, a light bulb not at all). */
  runs = 0;

  constructor(private readonly host: CheckHost) {}

  /** The document was opened or changed: its last check is now stale; check it when the edits stop. */
  changed(uri: string): void {
    const entry = this.entry(uri);
    entry.state = undefined;
    entry.generation++;
    const version = this.host.document(uri)?.version;
    this.reject(entry, (w) => w.version !== undefined && w.version !== version, contentModified(uri));
    const now = performance.now();
    const inBurst = now - entry.lastChange < entry.lastDuration;
    entry.lastChange = now;
    this.arm(uri, entry, inBurst ? Math.min(entry.lastDuration, MAX_QUIET_MS) : 0);
  }

  closed(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    cancel(entry);
    this.entries.delete(uri);
    this.reject(entry, () => true, contentModified(uri));
  }

  /** Settings or a config file changed: every open document is checked again. */
  recheckAll(uris: Iterable<string>): void {
    for (const uri of uris) this.changed(uri);
  }

  /** The check of `version` of the document (the version a request was made against). */
  at(uri: string, version: number, token?: CancellationToken): Promise<DocumentState> {
    return this.wait(uri, version, token);
  }

  /** The check of the document's current version, whichever it is by the time one completes. */
  latest(uri: string, token?: CancellationToken): Promise<DocumentState> {
    return this.wait(uri, undefined, token);
  }

  private wait(uri: string, version: number | undefined, token: CancellationToken | undefined): Promise<DocumentState> {
    const doc = this.host.document(uri);
    if (!doc) return Promise.reject(new ResponseError(-32602, `文档未打开: ${uri}`));
    if (version !== undefined && version !== doc.version) return Promise.reject(contentModified(uri));
    const entry = this.entry(uri);
    if (entry.state) return Promise.resolve(entry.state);
    if (!entry.timer && entry.checking !== entry.generation) this.arm(uri, entry, 0);
    return new Promise<DocumentState>((resolve, reject) => {
      const waiter: Waiter = { version, resolve, reject };
      entry.waiters.push(waiter);
      token?.onCancellationRequested(() => this.reject(entry, (w) => w === waiter, new ResponseError(LSPErrorCodes.RequestCancelled, '请求已取消')));
    });
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { state: undefined, generation: 0, checking: undefined, timer: undefined, lastDuration: 0, lastChange: -Infinity, waiters: [] };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private arm(uri: string, entry: Entry, quiet: number): void {
    cancel(entry);
    const start = (): void => {
      entry.timer = undefined;
      void this.check(uri, entry);
    };
    // No quiet period: at once (setTimeout(0) waits at least 1 ms, a good part of a small document's latency).
    if (quiet > 0) {
      const t = setTimeout(start, quiet);
      entry.timer = () => clearTimeout(t);
    } else {
      const i = setImmediate(start);
      entry.timer = () => clearImmediate(i);
    }
  }

  private async check(uri: string, entry: Entry): Promise<void> {
    // Edits read while the timer ran out come first: they would make this check stale.
    await drain();
    const generation = entry.generation;
    const doc = this.host.document(uri);
    if (!doc || this.stale(uri, entry, generation) || entry.timer) return;
    entry.checking = generation;
    try {
      const config = await this.host.config(uri);
      if (this.stale(uri, entry, generation)) return;
      const started = performance.now();
      this.runs++;
      const result = lintText(doc.getText(), config);
      entry.lastDuration = performance.now() - started;
      // Edits that came during the check are read now; if there are any, this result is dropped.
      await drain();
      if (this.stale(uri, entry, generation)) return;
      const state: DocumentState = { uri, version: doc.version, result, config };
      entry.state = state;
      const waiters = entry.waiters;
      entry.waiters = [];
      for (const w of waiters) w.resolve(state);
      this.host.publish(state);
    } catch (err) {
      this.host.error(`yaodian: 检查 ${uri} 失败: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      this.reject(entry, () => true, err);
    } finally {
      if (entry.checking === generation) entry.checking = undefined;
    }
  }

  /** Whether the document changed, closed or got new config since `generation`: a newer check is on its way. */
  private stale(uri: string, entry: Entry, generation: number): boolean {
    return this.entries.get(uri) !== entry || entry.generation !== generation;
  }

  private reject(entry: Entry, which: (w: Waiter) => boolean, err: unknown): void {
    const rejected = entry.waiters.filter(which);
    if (rejected.length === 0) return;
    entry.waiters = entry.waiters.filter((w) => !which(w));
    for (const w of rejected) w.reject(err);
  }
}
