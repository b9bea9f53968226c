/**
 * An element's settings cannot be used: no calendar is configured, or an inline schedule is not
 * valid. Shown with its reason and without Retry (loading again cannot help); never a network error.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  /** True when the element names no calendar at all (its message is then the reader's "no calendar" text). */
  readonly noSource: boolean;
  constructor(message: string, options: { readonly noSource?: boolean } = {}) {
    super(message);
    this.noSource = options.noSource ?? false;
  }
}
