// What a session file is called and what its refusal is, apart from the validator
// (sessionFile.ts, with valibot), so that the engine and the worker need not load it to run.
export const SESSION_FORMAT = 'etcd-playground-session';
export const SESSION_VERSION = 1;
export const MAX_MEMBERS = 7;

export class InvalidSession extends Error {}
