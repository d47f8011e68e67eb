import { closeSync, fsyncSync, openSync, readSync } from 'node:fs'

/** How much of a file is read at a time. */
const PIECE = 1 << 20

/** One line of a file: its text, its number (from 1), and the byte offset just after it. */
export interface Line {
  readonly text: string
  readonly number: number
  readonly end: number
  /** False for a last line without its newline (a write a crash cut short). */
  readonly complete: boolean
}

/**
 * The lines of a file, read a megabyte at a time, so that loading holds one line's text at once, never the file's
 * (a line may span pieces; a multi-byte character never holds a newline byte, so splitting on bytes is safe).
 */
export function* fileLines(path: string): Generator<Line> {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(PIECE)
    let parts: Buffer[] = []
    let offset = 0
    let number = 0
    for (;;) {
      const read = readSync(fd, buffer, 0, PIECE, null)
      if (read === 0) break
      const piece = buffer.subarray(0, read)
      const last = piece.lastIndexOf(10)
      let start = 0
      if (last >= 0 && parts.length > 0) {
        // The line begun in earlier pieces ends in this one.
        const newline = piece.indexOf(10)
        const text = Buffer.concat([...parts, piece.subarray(0, newline)]).toString('utf8')
        parts = []
        yield { text, number: ++number, end: offset + newline + 1, complete: true }
        start = newline + 1
      }
      if (start <= last) {
        // The piece's whole lines decoded at once: one string, each line a slice of it.
        const lines = piece.toString('utf8', start, last + 1)
        if (lines.length === last + 1 - start) {
          // One byte a character (ASCII, as JSON text mostly is): offsets in the string are offsets in the file.
          for (let from = 0, newline = lines.indexOf('\n'); newline >= 0; newline = lines.indexOf('\n', from)) {
            yield {
              text: lines.slice(from, newline),
              number: ++number,
              end: offset + start + newline + 1,
              complete: true,
            }
            from = newline + 1
          }
        } else {
          for (let from = start, newline = piece.indexOf(10, from); from <= last; newline = piece.indexOf(10, from)) {
            yield {
              text: piece.toString('utf8', from, newline),
              number: ++number,
              end: offset + newline + 1,
              complete: true,
            }
            from = newline + 1
          }
        }
      }
      // The buffer is read into again: what is left of a line is copied.
      if (last + 1 < read) parts.push(Buffer.from(piece.subarray(last + 1)))
      offset += read
    }
    if (parts.length > 0)
      yield { text: Buffer.concat(parts).toString('utf8'), number: ++number, end: offset, complete: false }
  } finally {
    closeSync(fd)
  }
}

/** Flushes a directory, so that files created, renamed or removed in it stay so after a crash. */
export function fsyncDir(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
