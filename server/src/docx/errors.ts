/** A .docx that cannot be read: the message is one Chinese sentence for the user, no stack. */
export class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxError';
  }
}
