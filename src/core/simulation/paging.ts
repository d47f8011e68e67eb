import { invalidParameter } from './errors.js'

/** One page of items in creation order, and the token of the next page if there is one. */
export function page<T extends { readonly seq: number }>(items: Iterable<T>, max: number, token: string | undefined): { items: T[]; next: string | undefined } {
  const after = token === undefined ? -1 : decode(token)
  const sorted = [...items].filter((i) => i.seq > after).sort((a, b) => a.seq - b.seq)
  const chosen = sorted.slice(0, max)
  const more = sorted.length > chosen.length && chosen.length > 0
  return { items: chosen, next: more ? encode(chosen[chosen.length - 1]!.seq) : undefined }
}

function encode(seq: number): string {
  return btoa(JSON.stringify({ v: 1, after: seq })).replace(/=+$/, '')
}

function decode(token: string): number {
  try {
    const parsed = JSON.parse(atob(token)) as { v?: number; after?: unknown }
    if (parsed.v === 1 && typeof parsed.after === 'number') return parsed.after
  } catch {
    // fall through
  }
  // Chosen without evidence: the exception type Cognito uses for a token it did not issue.
  throw invalidParameter('Invalid pagination token.')
}
