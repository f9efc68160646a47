// etcd's request-ID generator (pkg/idutil): the member's low 16 bits, then the member's start
// time in Unix ms (low 40 bits) followed by an 8-bit counter; each ID adds one to the low 48 bits.
// Lease IDs chosen by etcd come from the same generator, so they are not 1, 2, 3...
const MASK48 = (1n << 48n) - 1n;

export class IdGenerator {
  private prefix: bigint;
  private suffix: bigint;

  constructor(memberId: bigint, startUnixMs: number) {
    this.prefix = (memberId & 0xffffn) << 48n;
    this.suffix = (BigInt(Math.floor(startUnixMs)) & ((1n << 40n) - 1n)) << 8n;
  }

  next(): bigint {
    this.suffix = (this.suffix + 1n) & MASK48;
    return this.prefix | this.suffix;
  }
}
