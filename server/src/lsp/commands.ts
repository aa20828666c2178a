// Commands the server runs for the editor (workspace/executeCommand). Commands that need the
// editor's UI (tree views, file dialogs) live in the client and ask the server for data.

import type { WorkspaceEdit } from 'vscode-languageserver';
import { renumberOutline } from '../analysis/numbering';
import { taskInfos, unitIndex } from '../analysis/tasks';
import { toLspEdit, toRange } from './convert';
import type { DocumentState } from './store';

export const COMMANDS = ['yaodian.server.renumber', 'yaodian.server.tasksByUnit'];

export const commandHandlers: Record<string, (uri: string, state: DocumentState) => unknown> = {
  /** Renumbers the whole outline: returns the edit for the client to apply. */
  'yaodian.server.renumber': (uri, state): WorkspaceEdit => ({
    changes: { [uri]: renumberOutline(state.result.analysis.numbering).map((e) => toLspEdit(state.result.doc, e)) },
  }),
  /** Units with their tasks (role, time node, line and range), for the tasks-by-unit view. */
  'yaodian.server.tasksByUnit': (_uri, state) => {
    const { doc, analysis } = state.result;
    const units = [...unitIndex(doc, analysis).values()].map((e) => ({
      name: e.name,
      tasks: e.tasks.map(({ task, role }) => ({ role, time: task.time, line: task.line, text: task.sentence.content, range: toRange(doc, task.sentence) })),
    }));
    const withoutUnit = taskInfos(doc, analysis)
      .filter((t) => t.units.length === 0)
      .map((t) => ({ time: t.time, line: t.line, text: t.sentence.content, range: toRange(doc, t.sentence) }));
    return { units, withoutUnit };
  },
};
