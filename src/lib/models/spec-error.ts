/**
 * The one error type of the models module: a malformed spec, an impossible input size or a
 * bad builder argument. Messages name the spec and the layer so a reader (or a widget showing
 * the message) can find the problem without a stack trace.
 */
export class SpecError extends Error {
  /** Id of the spec at fault, when known. */
  readonly specId: string | undefined;
  /** Id of the layer at fault, when the problem is local to one layer. */
  readonly layerId: string | undefined;

  constructor(message: string, where: { readonly spec?: string; readonly layer?: string } = {}) {
    const prefix = [
      where.spec === undefined ? '' : `model "${where.spec}"`,
      where.layer === undefined ? '' : `layer "${where.layer}"`,
    ]
      .filter((part) => part !== '')
      .join(', ');
    super(prefix === '' ? message : `${prefix}: ${message}`);
    this.name = 'SpecError';
    this.specId = where.spec;
    this.layerId = where.layer;
  }
}
