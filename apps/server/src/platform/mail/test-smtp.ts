/**
 * TEST HELPER — a real in-process SMTP server (smtp-server) on 127.0.0.1 with an
 * ephemeral port that collects every received message.
 *
 * smtp-server is a devDependency, so this module must only be imported from tests
 * (it is intentionally not re-exported from ./index.ts):
 *
 *   const smtp = await startTestSmtpServer();
 *   const mailer = createMailer({ smtpUrl: smtp.url, from: 'x@y', ignoreTLS: true });
 *   ...
 *   const msg = await smtp.waitForMessage((m) => m.to.includes('a@b'), 5000);
 *   await smtp.stop();
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { parseMail, type ParsedMail } from './mime-parse.js';

export interface ReceivedMessage {
  /** Raw RFC 5322 message as received (bytes). */
  raw: Buffer;
  /** SMTP envelope (MAIL FROM / RCPT TO). */
  envelope: { from: string; to: string[] };
  /** Decoded top-level headers, lower-cased names. */
  headers: Record<string, string>;
  subject: string;
  /** Header From address. */
  from: string;
  /** Header To addresses. */
  to: string[];
  text?: string;
  html?: string;
  /** Authenticated user name, if the client logged in. */
  authUser?: string;
  parsed: ParsedMail;
}

export interface TestSmtpOptions {
  /** Require this user/password (AUTH PLAIN/LOGIN over plain text is allowed). */
  auth?: { user: string; pass: string };
  /** Implicit TLS (smtps) with smtp-server's built-in self-signed certificate. */
  secure?: boolean;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** Connection URL for createMailer, including credentials when auth is set. */
  url: string;
  readonly messages: ReceivedMessage[];
  waitForMessage(predicate?: (m: ReceivedMessage) => boolean, timeoutMs?: number): Promise<ReceivedMessage>;
  clear(): void;
  stop(): Promise<void>;
}

interface Waiter {
  predicate: (m: ReceivedMessage) => boolean;
  resolve: (m: ReceivedMessage) => void;
}

export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  let waiters: Waiter[] = [];

  const server = new SMTPServer({
    secure: options.secure ?? false,
    // No STARTTLS on the plain server: clients need no certificate handling.
    disabledCommands: options.secure ? [] : ['STARTTLS'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      if (!expected || (auth.username === expected.user && auth.password === expected.pass)) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const parsed = parseMail(raw);
        const envelopeFrom = session.envelope.mailFrom;
        const msg: ReceivedMessage = {
          raw,
          envelope: {
            from: envelopeFrom ? envelopeFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          headers: parsed.headers,
          subject: parsed.subject,
          from: parsed.from,
          to: parsed.to,
          text: parsed.text,
          html: parsed.html,
          authUser: typeof session.user === 'string' ? session.user : undefined,
          parsed,
        };
        messages.push(msg);
        const pending = waiters;
        waiters = [];
        for (const w of pending) {
          if (w.predicate(msg)) w.resolve(msg);
          else waiters.push(w);
        }
        callback();
      });
    },
  });
  server.on('error', () => {
    // Client disconnects etc. must not crash the test process.
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address() as AddressInfo;
  const host = '127.0.0.1';
  const port = address.port;
  const creds = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';
  const url = `${options.secure ? 'smtps' : 'smtp'}://${creds}${host}:${port}`;

  return {
    host,
    port,
    url,
    messages,
    waitForMessage(predicate = () => true, timeoutMs = 5_000) {
      const existing = messages.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise<ReceivedMessage>((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`test-smtp: no matching message within ${timeoutMs} ms (received ${messages.length})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    clear() {
      messages.length = 0;
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
