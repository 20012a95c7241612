import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no normalising of `..`, no re-encoding. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * An HTTP/1.1 client that sends bytes as they are given (supertest would normalise some of them),
 * over kept-alive connections to one loopback port.
 */
export function rawClient(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  return {
    send(req: RawRequest): Promise<RawResponse> {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string | number> = { ...req.headers };
        if (req.body !== undefined) headers['Content-Length'] = req.body.length;
        const outgoing = request(
          { host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent },
          (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
            incoming.on('end', () =>
              resolve({
                status: incoming.statusCode ?? 0,
                headers: incoming.headers,
                text: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            incoming.on('error', reject);
          },
        );
        outgoing.on('error', reject);
        outgoing.end(req.body);
      });
    },
    close: () => agent.destroy(),
  };
}
