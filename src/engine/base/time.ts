// Calendar formatting of virtual Unix times, without Date (the engine reads no real clock, and
// formats its own): civil-from-days after Howard Hinnant's algorithm.

export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

export function civilFromUnixMs(unixMs: number): Civil {
  unixMs = Math.floor(unixMs); // virtual time has fractions of a millisecond
  const days = Math.floor(unixMs / 86_400_000);
  let rem = unixMs - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rem / 3_600_000);
  rem -= hour * 3_600_000;
  const minute = Math.floor(rem / 60_000);
  rem -= minute * 60_000;
  const second = Math.floor(rem / 1000);
  return { year, month, day, hour, minute, second, ms: rem - second * 1000 };
}

const p = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-01-01 00:00:00.000000" (capnslog's layout). */
export function capnslogTime(unixMs: number): string {
  const c = civilFromUnixMs(unixMs);
  return `${c.year}-${p(c.month)}-${p(c.day)} ${p(c.hour)}:${p(c.minute)}:${p(c.second)}.${p(c.ms, 3)}000`;
}

/** RFC 3339 with milliseconds, "2026-01-01T00:00:00.000Z" (zap's ts). */
export function isoTime(unixMs: number): string {
  const c = civilFromUnixMs(unixMs);
  return `${c.year}-${p(c.month)}-${p(c.day)}T${p(c.hour)}:${p(c.minute)}:${p(c.second)}.${p(c.ms, 3)}Z`;
}
