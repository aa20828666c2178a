// What one parse remembers. Unit cells, time cells and unit parentheticals repeat within a
// document (区政府各部门、各街镇, 全年, (责任单位:区融媒体中心) dozens of times): each text is parsed
// once per parse and the result rebased on each occurrence. parseDocument makes one memo and
// hands it down to the readers; it goes with the parse, so nothing outlives a check and nothing
// is shared between documents or between the runs of a language server.

import type { TimeNode, Unit, UnitParenthetical, UnitRole } from './model';

export class ParseMemo {
  /** Unit lists parsed at offset 0, by the role names get without a verb, then by cell text. */
  readonly units: Record<UnitRole, Map<string, Unit[]>> = { lead: new Map(), support: new Map(), responsible: new Map() };
  /** Time nodes by trimmed cell text; null when the text is no time. Nodes are never modified. */
  readonly times = new Map<string, TimeNode | null>();
  /** Unit parentheticals parsed at offset 0 (with their time node), by text; null when none. */
  readonly parens = new Map<string, UnitParenthetical | null>();
  /** Scratch arrays of the table cell placement (annex.ts placeCells), reused from row to row. */
  placeBest = new Float64Array(64);
  placeMove = new Uint8Array(64);
}
