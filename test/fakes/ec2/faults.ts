// Fault injection for the fake EC2: errors with the service's codes and statuses,
// latency, and gates that hold a request until the test releases it.
import { Ec2Error } from './xml';

/** `*` matches every action. */
export type ActionPattern = string;

/** Narrows a fault to some requests of an action (e.g. only filtered listings: `(p) => 'Filter.1.Name' in p`). */
export type RequestPredicate = (params: Record<string, string>) => boolean;

interface ErrorFault {
  action: ActionPattern;
  error: () => Ec2Error;
  remaining: number;
  when?: RequestPredicate;
}

export interface Gate {
  /** Resolves when a request has reached the gate and is being held. */
  reached: Promise<void>;
  release(): void;
}

/**
 * Faults on the wire rather than in the answer: `hang` accepts the request and never answers;
 * `reset-mid-body` sends the headers and half the body, then resets the connection; `truncated` sends a
 * complete HTTP answer whose XML stops halfway; `stall-mid-body` sends half the body and then nothing.
 */
export type WireFault = 'hang' | 'reset-mid-body' | 'truncated' | 'stall-mid-body';

interface WireRule {
  action: ActionPattern;
  fault: WireFault;
  remaining: number;
}

/** The token a paging loop hands out: every page of the action answers it again. */
export const LOOP_TOKEN = 'driftlens-fake-loop-token';

const matches = (pattern: ActionPattern, action: string) => pattern === '*' || pattern === action;

export class Faults {
  private errors: ErrorFault[] = [];
  private latencies: { action: ActionPattern; ms: number }[] = [];
  private gates: { action: ActionPattern; hold: Promise<void>; arrived: () => void; release: () => void }[] = [];
  private wires: WireRule[] = [];
  private loops = new Set<ActionPattern>();
  private unreachable = new Set<string>();
  /** The fake's clock minus the real one (ms); `clockSkew()` sets it. */
  clockOffsetMs = 0;
  /** The error a request off the fake's clock gets: EC2's own (RequestExpired, 400) or S3-style RequestTimeTooSkewed (403). */
  skewError: 'RequestExpired' | 'RequestTimeTooSkewed' = 'RequestExpired';

  /** UnauthorizedOperation (HTTP 403), as for a principal without `ec2:<action>`. */
  deny(action: ActionPattern, times = Infinity, when?: RequestPredicate): void {
    this.error(action, times, () => new Ec2Error('UnauthorizedOperation', `You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ec2:${action === '*' ? 'Describe*' : action} because no identity-based policy allows the ec2:${action === '*' ? 'Describe*' : action} action`, 403), when);
  }

  /** RequestLimitExceeded (HTTP 503) for the next `times` calls. */
  throttle(action: ActionPattern, times: number): void {
    this.error(action, times, () => new Ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503));
  }

  /** InternalError (HTTP 500), by default forever. */
  serverError(action: ActionPattern, times = Infinity): void {
    this.error(action, times, () => new Ec2Error('InternalError', 'An internal error has occurred', 500));
  }

  /** Any error the service can send. */
  error(action: ActionPattern, times: number, make: () => Ec2Error, when?: RequestPredicate): void {
    this.errors.push({ action, error: make, remaining: times, when });
  }

  /** A wire fault for the next `times` matching calls (default: all). */
  wire(action: ActionPattern, fault: WireFault, times = Infinity): void {
    this.wires.push({ action, fault, remaining: times });
  }

  /** Every page of `action` carries the same NextToken, forever (a service bug the client must not follow endlessly). */
  pagingLoop(action: ActionPattern): void {
    this.loops.add(action);
  }

  /** Requests signed for `region` have their connection reset before any answer, as a region whose endpoint cannot be reached. */
  unreachableRegion(region: string): void {
    this.unreachable.add(region);
  }

  /**
   * The fake's clock runs `offsetMs` away from the real one: a request whose X-Amz-Date is more than
   * 15 minutes off it (EC2's window) is refused, and every answer's Date header shows the fake's time, from
   * which the SDK corrects its clock as it does against AWS.
   */
  clockSkew(offsetMs: number, error: 'RequestExpired' | 'RequestTimeTooSkewed' = 'RequestExpired'): void {
    this.clockOffsetMs = offsetMs;
    this.skewError = error;
  }

  /** @internal The wire fault for this call, if any (consumes one). */
  takeWire(action: string): WireFault | undefined {
    const w = this.wires.find((x) => matches(x.action, action) && x.remaining > 0);
    if (!w) return undefined;
    w.remaining--;
    return w.fault;
  }

  /** @internal True when `action` pages forever (pagingLoop). */
  pagesForever(action: string): boolean {
    return [...this.loops].some((a) => matches(a, action));
  }

  /** @internal */
  isUnreachable(region: string | undefined): boolean {
    return region !== undefined && this.unreachable.has(region);
  }

  /** Adds `ms` of latency to every matching call. */
  latency(ms: number, action: ActionPattern = '*'): void {
    this.latencies.push({ action, ms });
  }

  /** Holds every matching request until `release()`. */
  hold(action: ActionPattern): Gate {
    let arrived!: () => void;
    let release!: () => void;
    const reached = new Promise<void>((r) => (arrived = r));
    const hold = new Promise<void>((r) => (release = r));
    const gate = { action, hold, arrived, release };
    this.gates.push(gate);
    return {
      reached,
      release: () => {
        this.gates = this.gates.filter((g) => g !== gate);
        release();
      },
    };
  }

  clear(): void {
    this.errors = [];
    this.latencies = [];
    this.wires = [];
    this.loops.clear();
    this.unreachable.clear();
    this.clockOffsetMs = 0;
    for (const g of this.gates) g.release();
    this.gates = [];
  }

  /** @internal Runs before the handler: waits as configured, then throws the next injected error. */
  async apply(action: string, params: Record<string, string> = {}): Promise<void> {
    const ms = this.latencies.filter((l) => matches(l.action, action)).reduce((a, l) => a + l.ms, 0);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    for (const g of this.gates.filter((x) => matches(x.action, action))) {
      g.arrived();
      await g.hold;
    }
    const f = this.errors.find((e) => matches(e.action, action) && e.remaining > 0 && (e.when?.(params) ?? true));
    if (f) {
      f.remaining--;
      throw f.error();
    }
  }
}
