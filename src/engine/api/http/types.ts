// HTTP as the simulated members speak it: a request in, a response out (or a stream of chunks).

export interface HttpRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The query string's parameters, decoded (repeated names keep their last value). */
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

export interface HttpResponse {
  status: number;
  headers: [string, string][];
  body: string;
  /**
   * A Content-Type the handler left unset, which Go's server sniffs from the body and sends
   * after Date and Content-Length (etcd's /health and /v2/machines answer so).
   */
  sniffedType?: string;
  /** A streaming body (watch): chunks keep coming until the client goes away. */
  stream?: (onChunk: (s: string) => void) => () => void;
}

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
