// An error that carries the HTTP status to answer with; anything else thrown by a handler is a 500.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** extra response headers (Allow on a 405, WWW-Authenticate on a 401, Retry-After on a 503) */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}
