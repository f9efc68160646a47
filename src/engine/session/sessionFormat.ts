// What a session file is called and what its refusal is, apart from the validator
// (sessionFile.ts, with valibot), so that the engine and the worker need not load it to run.
export const SESSION_FORMAT = 'etcd-playground-session';
export const SESSION_VERSION = 1;
export const MAX_MEMBERS = 7;
/** The longest command line a session holds (the page refuses longer ones: it stores what it accepts). */
export const MAX_LINE = 100_000;
/** The latest point a session can have reached, in virtual ms (ten years). */
export const MAX_SESSION_MS = 10 * 365 * 24 * 3_600_000;

export class InvalidSession extends Error {}
