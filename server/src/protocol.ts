// 客户端与语言服务器之间的约定:命令名、初始化选项及各命令的返回类型。两边都只从这里取。
// What the VS Code client and the language server agree on beyond LSP itself: the ids of the
// commands the server runs (workspace/executeCommand), the client command the server may attach
// to a quick fix, the initialization options, and the data each command returns. Both sides import
// this module; it imports only plain types (no vscode, no engine code), so either bundle can take it.

import type { DocumentReview } from './review/model';

/** Commands the server runs for the editor; each takes the document URI as its one argument. */
export const ServerCommand = {
  /** The task table generated from the body → `WorkspaceEdit` (replaces the annex or appends one). */
  generateAnnex: 'yaodian.server.generateAnnex',
  /** The whole outline renumbered → `WorkspaceEdit`. */
  renumber: 'yaodian.server.renumber',
  /** Units with their tasks → `TasksByUnit`. */
  tasksByUnit: 'yaodian.server.tasksByUnit',
  /** Counts for the status bar → `DocumentStats`. */
  stats: 'yaodian.server.stats',
  /** The task table as CSV text (BOM, CRLF) → `string`. */
  exportCsv: 'yaodian.server.exportCsv',
} as const;

export type ServerCommandId = (typeof ServerCommand)[keyof typeof ServerCommand];

/** The client command that puts the cursor somewhere after a quick fix: (document URI, line, character). */
export const CURSOR_COMMAND = 'yaodian.placeCursor';

/** `initializationOptions` the server understands (all optional: other editors send none). */
export interface InitializationOptions {
  /** A client command taking (uri, line, character); quick fixes that leave the cursor somewhere carry it. */
  cursorCommand?: string;
}

/** An LSP position: 0-based line, UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** What `yaodian.server.stats` returns. */
export interface DocumentStats {
  /** Outline items of every level. */
  items: number;
  /** Task sentences of the body. */
  tasks: number;
  /** Rows of the annex task table (0 when there is none). */
  rows: number;
  errors: number;
  warnings: number;
}

/** A unit's part in a task: 牵头 (lead), 配合 (support), or plainly responsible. */
export type UnitRole = 'lead' | 'support' | 'responsible';

/** One task as `yaodian.server.tasksByUnit` returns it. */
export interface TaskData {
  role?: UnitRole;
  /** The time node as written, or null. */
  time: string | null;
  /** 1-based line. */
  line: number;
  text: string;
  range: Range;
}

/** What `yaodian.server.tasksByUnit` returns. */
export interface TasksByUnit {
  units: { name: string; tasks: TaskData[] }[];
  withoutUnit: TaskData[];
}

/** Request `yaodian/comparison` (the 任务分解表对照 view): the review of an open document, as the server has it now. */
export const COMPARISON_REQUEST = 'yaodian/comparison';

export interface ComparisonParams {
  /** The document's URI, as the client sends it (protocol form). */
  uri: string;
}

/** The review of the document's version `version`; null when the server does not have the document open. */
export interface ComparisonResult {
  uri: string;
  version: number;
  review: DocumentReview;
}
