// Notebooks shrunk while they are read: the base64 data of image outputs (the bulk of a notebook's bytes) is replaced
// by a short placeholder that keeps its size and a hash, so nothing downstream (parse, align, "outputs changed",
// image sizes in summaries) ever holds or scans megabytes of pixels. A JSON string holds no raw line break, so the
// .ipynb line of every cell, source line and output is unchanged; everything that is not an image value passes
// through byte for byte (also when the text is not JSON at all).
import { inlineHasher, StreamHasher, type BlobHash, type BlobHasher } from './blob-hash.js'

/** `[base64 786432 bytes omitted, sha1 …]`: what `base64Bytes` reads back. */
export const COMPACTED_BLOB = /^\[base64 (\d+) bytes omitted, sha1 [0-9a-f]{40}\]$/
/** Feed the bytes of an .ipynb in any chunks; `end()` gives the compacted text. */
export interface NotebookCompactor {
  push(chunk: Uint8Array): void
  /** Whether the hasher asks the reader to wait (`await` it before the next chunk), else null. */
  ready(): Promise<void> | null
  /** The compacted text; only for the inline hasher (see `result` otherwise). */
  end(): string
  /** The compacted text once every digest is in. */
  result(): Promise<string>
}

/**
 * The compactor's class, given the hasher it uses by default. Self-contained (it refers to nothing outside its own
 * body but JavaScript's and Node's globals), so that its source text also runs on the notebook reading threads
 * (`src/github/notebook-fetch.ts`): one implementation, the same bytes out on every thread.
 */
export function defineCompactor(defaultHasher: BlobHasher): new (hasher?: BlobHasher) => NotebookCompactor {
  /** Image data shorter than this (bytes of the JSON string) is left in place. */
  const MIN_COMPACT = 1024
  const QUOTE = 0x22
  const BACKSLASH = 0x5c
  const COLON = 0x3a
  const KEY_MAX = 256

  const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

  class NotebookCompactor {
    // a placeholder whose digest is still being computed elsewhere is a promise of its bytes
    private readonly out: (Buffer | Promise<Buffer>)[] = []
    private pending = false
    private state: 'gap' | 'string' | 'blob' = 'gap'
    // gap between strings: only whitespace and one colon means the next string is the value of the previous one
    private colon = false
    private gapClean = true
    private lastKey: string | null = null
    // the string being read
    private imageValue = false
    private head: Buffer[] = []
    private headLength = 0
    private length = 0
    private backslashRun = 0
    private escapes = 0
    private hash: BlobHash | null = null
    private tail = ''

    constructor(private readonly hasher: BlobHasher = defaultHasher) {}

    push(chunk: Uint8Array): void {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      this.scan(buf)
      this.hasher.chunkDone()
    }

    /** Whether the hasher asks the reader to wait (`await` it before the next chunk), else null. */
    ready(): Promise<void> | null {
      return this.hasher.ready()
    }

    private scan(buf: Buffer): void {
      let pos = 0
      while (pos < buf.length) {
        if (this.state === 'gap') {
          const q = buf.indexOf(QUOTE, pos)
          const end = q === -1 ? buf.length : q
          for (let k = pos; k < end && this.gapClean; k++) {
            const c = buf[k]
            if (c === COLON && !this.colon) this.colon = true
            else if (!isSpace(c)) this.gapClean = false
          }
          this.out.push(Buffer.from(buf.subarray(pos, q === -1 ? end : q + 1)))
          if (q === -1) return
          this.startString()
          pos = q + 1
          continue
        }
        // inside a string: its closing quote is the first one not escaped
        let q = buf.indexOf(QUOTE, pos)
        while (q !== -1 && this.escapedAt(buf, pos, q)) q = buf.indexOf(QUOTE, q + 1)
        const end = q === -1 ? buf.length : q
        this.take(buf.subarray(pos, end))
        if (q === -1) return
        this.endString()
        pos = q + 1
      }
    }

    /** The compacted text; only for the inline hasher (see `result` otherwise). */
    end(): string {
      this.finish()
      if (this.pending) throw new Error('image digests are still being computed: use result()')
      return Buffer.concat(this.out as Buffer[]).toString('utf8')
    }

    /** The compacted text once every digest is in. */
    async result(): Promise<string> {
      this.finish()
      return Buffer.concat(await Promise.all(this.out.map(async (p) => p))).toString('utf8')
    }

    private finish(): void {
      // an unterminated string: not JSON; what was kept passes through, image data stays out
      if (this.state === 'blob') this.pushPlaceholder('')
      else if (this.state === 'string') this.flushHead()
      this.state = 'gap'
      this.hasher.chunkDone()
    }

    private startString(): void {
      this.imageValue =
        this.colon &&
        this.gapClean &&
        this.lastKey !== null &&
        this.lastKey.startsWith('image/') &&
        !this.lastKey.startsWith('image/svg')
      this.state = 'string'
      this.head = []
      this.headLength = 0
      this.length = 0
      this.backslashRun = 0
      this.escapes = 0
      this.hash = null
      this.tail = ''
    }

    /** Whether the quote at q is escaped (an odd run of backslashes before it, maybe from earlier chunks). */
    private escapedAt(buf: Buffer, from: number, q: number): boolean {
      let run = 0
      let k = q - 1
      while (k >= from && buf[k] === BACKSLASH) {
        run++
        k--
      }
      if (k < from) run += this.backslashRun
      return run % 2 === 1
    }

    private take(part: Buffer): void {
      if (part.length === 0) return
      // backslashes at the end of what was read so far, for a quote at the start of the next chunk
      let run = 0
      for (let k = part.length - 1; k >= 0 && part[k] === BACKSLASH; k--) run++
      this.backslashRun = run === part.length ? this.backslashRun + run : run
      this.length += part.length
      if (this.state === 'blob') return this.feedBlob(part)
      const copy = Buffer.from(part)
      if (this.imageValue || this.headLength < KEY_MAX + 1) {
        this.head.push(copy)
        this.headLength += copy.length
        if (this.imageValue && this.headLength >= MIN_COMPACT) {
          // long enough: from now on hash and count instead of keeping
          this.state = 'blob'
          this.hash = this.hasher.start()
          const held = Buffer.concat(this.head)
          this.head = []
          this.headLength = 0
          this.feedBlob(held)
        }
        if (!this.imageValue && this.headLength > KEY_MAX) this.flushHead()
        return
      }
      this.out.push(copy)
    }

    private feedBlob(part: Buffer): void {
      this.hash?.update(part)
      for (let k = part.indexOf(BACKSLASH); k !== -1; k = part.indexOf(BACKSLASH, k + 1)) this.escapes++
      this.tail = (this.tail + part.subarray(Math.max(0, part.length - 8)).toString('latin1')).slice(-8)
    }

    /** The placeholder of the value just read, then `after`. */
    private pushPlaceholder(after: string): void {
      const clean = this.tail.replace(/(\\n)+$/, '')
      const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
      const bytes = Math.max(0, Math.floor(((this.length - 2 * this.escapes) * 3) / 4) - padding)
      const text = (hex: string): Buffer => Buffer.from(`[base64 ${bytes} bytes omitted, sha1 ${hex}]${after}`)
      const digest = this.hash?.digest() ?? ''
      if (typeof digest === 'string') {
        this.out.push(text(digest))
      } else {
        const piece = digest.then(text)
        // a failure is met by `result`; until then it must not count as unhandled
        piece.catch(() => undefined)
        this.out.push(piece)
        this.pending = true
      }
      this.hash = null
    }

    private flushHead(): void {
      for (const h of this.head) this.out.push(h)
      this.head = []
    }

    private endString(): void {
      if (this.state === 'blob') {
        this.pushPlaceholder('"')
        this.lastKey = null
      } else {
        const text = this.length <= KEY_MAX ? Buffer.concat(this.head).toString('utf8') : null
        this.flushHead()
        this.out.push(Buffer.from('"'))
        this.lastKey = text
      }
      this.state = 'gap'
      this.colon = false
      this.gapClean = true
    }
  }
  return NotebookCompactor
}

export const NotebookCompactor = defineCompactor(inlineHasher)

/**
 * Reads a body stream through the compactor, image data hashed on the hashing thread once the run has hashed
 * `threadAfter` bytes on this one (a default that keeps small reviews single-threaded).
 */
export async function compactNotebookStream(
  body: AsyncIterable<Uint8Array>,
  opts: { threadAfter?: number } = {}
): Promise<string> {
  const c = new NotebookCompactor(new StreamHasher(opts.threadAfter))
  for await (const chunk of body) {
    c.push(chunk)
    const wait = c.ready()
    if (wait) await wait
  }
  return c.result()
}

/** The same on a whole text (local files, tests). */
export function compactNotebook(text: string): string {
  const c = new NotebookCompactor()
  c.push(Buffer.from(text, 'utf8'))
  return c.end()
}
