// What every etcdctl command gets: its parsed flags and arguments, the process it runs in, and
// (made on first use, as etcdctl's mustClientFromCmd does) the client and the output printer.
import type { Task } from '../../base/task.ts';
import { Client } from '../../client/client.ts';
import { FieldsPrinter } from '../printers/fields.ts';
import { JsonPrinter } from '../printers/json.ts';
import type { Printer } from '../printers/printer.ts';
import { ProtobufPrinter } from '../printers/protobuf.ts';
import { SimplePrinter } from '../printers/simple.ts';
import { TablePrinter } from '../printers/table.ts';
import type { ProcCtx } from '../shell/process.ts';
import type { FlagValue, Parsed } from './cobra.ts';
import { parseGoDuration } from './cobra.ts';

/** etcdctl's exit codes (ctlv3/command/error.go). */
export const Exit = {
  Success: 0,
  Error: 1,
  BadConnection: 2,
  InvalidInput: 3,
  BadFeature: 4,
  Interrupted: 5,
  IO: 6,
  BadArgs: 128,
} as const;

/** etcdctl's ExitWithError: "Error: <message>" on stderr and this exit code. */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function fail(code: number, message: string): never {
  throw new ExitError(code, message);
}

export class CmdCtx {
  private client_?: Client;
  private display_?: Printer;
  valueOnly = false;

  constructor(
    readonly parsed: Parsed,
    readonly proc: ProcCtx,
  ) {}

  get args(): string[] {
    return this.parsed.args;
  }

  flag<T extends FlagValue>(name: string): T {
    return this.parsed.flags.get(name) as T;
  }

  out(s: string): void {
    this.proc.stdout(s);
  }

  get format(): string {
    return this.flag<string>('write-out');
  }

  /** The endpoints as etcdctl got them (--endpoints or ETCDCTL_ENDPOINTS, comma-separated). */
  endpoints(): string[] {
    return this.flag<string[]>('endpoints');
  }

  commandTimeoutMs(): number {
    return parseGoDuration(this.flag<string>('command-timeout')).ms ?? 5000;
  }

  dialTimeoutMs(): number {
    return parseGoDuration(this.flag<string>('dial-timeout')).ms ?? 2000;
  }

  /** The printer for --write-out; an unknown format ends the command (exit 4). */
  display(): Printer {
    if (this.display_) return this.display_;
    const out = (s: string) => this.out(s);
    switch (this.format) {
      case 'simple':
        this.display_ = new SimplePrinter(out, { hex: this.flag<boolean>('hex'), valueOnly: this.valueOnly });
        break;
      case 'json':
        this.display_ = new JsonPrinter(out);
        break;
      case 'fields':
        this.display_ = new FieldsPrinter(out);
        break;
      case 'table':
        this.display_ = new TablePrinter(out);
        break;
      case 'protobuf':
        this.display_ = new ProtobufPrinter(out);
        break;
      default:
        fail(Exit.BadFeature, 'unsupported output format');
    }
    return this.display_!;
  }

  /** --user name:password, or --user name with --password. */
  credentials(): { user: string; password: string } | undefined {
    const u = this.flag<string>('user');
    if (!u) return undefined;
    const at = u.indexOf(':');
    if (at >= 0) return { user: u.slice(0, at), password: u.slice(at + 1) };
    return { user: u, password: this.flag<string>('password') };
  }

  client(): Client {
    if (this.client_) return this.client_;
    this.display();
    const world = this.proc.world;
    this.client_ = new Client(
      { scheduler: world.scheduler, dial: (ep) => world.dial(ep), watches: world.watches, owner: this.proc.terminal },
      {
        endpoints: this.endpoints(),
        dialTimeoutMs: this.dialTimeoutMs(),
        commandTimeoutMs: this.commandTimeoutMs(),
        credentials: this.credentials(),
      },
      world.prng.fork(`client:${world.scheduler.now()}`),
    );
    return this.client_;
  }
}

export type Command = (cx: CmdCtx) => Task<number>;
