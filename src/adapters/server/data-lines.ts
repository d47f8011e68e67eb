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
      let start = 0
      for (let newline = piece.indexOf(10, start); newline >= 0; newline = piece.indexOf(10, start)) {
        const text =
          parts.length === 0
            ? piece.toString('utf8', start, newline)
            : Buffer.concat([...parts, piece.subarray(start, newline)]).toString('utf8')
        parts = []
        yield { text, number: ++number, end: offset + newline + 1, complete: true }
        start = newline + 1
      }
      // The buffer is read into again: what is left of a line is copied.
      if (start < read) parts.push(Buffer.from(piece.subarray(start)))
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
