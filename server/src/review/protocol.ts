// 对照视图向语言服务器请求的数据(客户端与服务器共用的声明)。
// The comparison view's request to the language server: declared once, imported by both sides.
// (To be merged into the shared protocol module, server/src/protocol.ts, when that exists.)

import type { DocumentReview } from './model';

/** Request `yaodian/comparison`: the review of an open document, as the server has it now. */
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
