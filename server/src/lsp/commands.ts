// Commands the server runs for the editor (workspace/executeCommand). Commands that need the
// editor's UI (tree views, file dialogs) live in the client and ask the server for data. The ids
// and the shapes of what they return are in ../protocol.ts, shared with the client.

import { ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { annexTableEdit, renumberEdits, tasksOf, unitsOf } from '../engine';
import { taskTableCsv } from '../report/csv';
import { ServerCommand, type ServerCommandId, type TasksByUnit } from '../protocol';
import { toLspEdit, toRange } from './convert';
import type { DocumentState } from './checks';
import { documentStats } from './stats';

export const COMMANDS: ServerCommandId[] = Object.values(ServerCommand);

export const commandHandlers: Record<ServerCommandId, (uri: string, state: DocumentState) => unknown> = {
  /** The task table generated from the body: replaces the annex table, or appends an annex. */
  [ServerCommand.generateAnnex]: (uri, state): WorkspaceEdit => {
    // A standalone task table is the plan itself: rewriting it from a body it has not would lose it.
    if (state.result.analysis.kind === 'table') throw new ResponseError(-32600, '本文档是单独印发的任务表：表格就是计划，没有正文可以生成任务分解表');
    return { changes: { [uri]: [toLspEdit(state.result.doc, annexTableEdit(state.result))] } };
  },
  /** The task table as CSV text (BOM, CRLF) for the client to save where the user chooses. */
  [ServerCommand.exportCsv]: (_uri, state): string => taskTableCsv(state.result.doc, state.result.analysis),
  /** Counts for the status bar. */
  [ServerCommand.stats]: (_uri, state) => documentStats(state),
  /** Renumbers the whole outline: returns the edit for the client to apply. */
  [ServerCommand.renumber]: (uri, state): WorkspaceEdit => ({
    changes: { [uri]: renumberEdits(state.result).map((e) => toLspEdit(state.result.doc, e)) },
  }),
  /** Units with their tasks (role, time node, line and range), for the tasks-by-unit view. */
  [ServerCommand.tasksByUnit]: (_uri, state): TasksByUnit => {
    const { doc } = state.result;
    const units = [...unitsOf(state.result).values()].map((e) => ({
      name: e.name,
      tasks: e.tasks.map(({ task, role }) => ({ role, time: task.time, line: task.line, text: task.text, range: toRange(doc, task.range) })),
    }));
    const withoutUnit = tasksOf(state.result)
      .filter((t) => t.units.length === 0)
      .map((t) => ({ time: t.time, line: t.line, text: t.text, range: toRange(doc, t.range) }));
    return { units, withoutUnit };
  },
};

export function isServerCommand(command: string): command is ServerCommandId {
  return Object.prototype.hasOwnProperty.call(commandHandlers, command);
}
