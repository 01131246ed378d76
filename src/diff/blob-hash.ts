// The SHA-1 of each image value the notebook compactor leaves out. Hashing is the one step of compaction that is not
// a byte search (SHA-1 runs at about 2 GB/s, a search at tens): on a big pull request it would be most of the main
// thread's work while the downloads wait. Past a run's first 64 MiB it runs on a worker thread instead: the bytes
// are copied (at memory speed) into blocks that go to the worker and come back to be filled again, so nothing the
// download still owns ever leaves this thread.
import { createHash, type Hash } from 'node:crypto'
import { Worker } from 'node:worker_threads'

/** One image value being hashed: its bytes in order, then its digest. */
export interface BlobHash {
  /** part of the value, from the chunk being read or a copy the compactor made */
  update(part: Buffer): void
  digest(): string | Promise<string>
}

/** Where the compactor sends the bytes of the values it leaves out. */
export interface BlobHasher {
  start(): BlobHash
  /** the compactor is done with the chunk it was reading: what is due may be sent on */
  chunkDone(): void
  /** resolves when the hasher is ready for more (bytes queued for hashing stay within a bound) */
  ready(): Promise<void> | null
}

/** Hashes on the calling thread, at once. */
export const inlineHasher: BlobHasher = {
  start: (): BlobHash => {
    const h: Hash = createHash('sha1')
    return { update: (part) => void h.update(part), digest: () => h.digest('hex') }
  },
  chunkDone: () => undefined,
  ready: () => null
}

// Kept as source text so that the bundle stays one file; plain CommonJS, Node's own modules only.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const hashes = new Map()
parentPort.on('message', ({ parts, done }) => {
  const buffers = []
  let bytes = 0
  for (const [id, buffer, offset, length] of parts) {
    let h = hashes.get(id)
    if (!h) hashes.set(id, (h = createHash('sha1')))
    h.update(new Uint8Array(buffer, offset, length))
    bytes += length
    if (!buffers.includes(buffer)) buffers.push(buffer)
  }
  const digests = done.map((id) => {
    const h = hashes.get(id) ?? createHash('sha1')
    hashes.delete(id)
    return [id, h.digest('hex')]
  })
  // the blocks go back to be filled again
  parentPort.postMessage({ bytes, digests, buffers }, buffers)
})
`

/** Bytes hashed on the calling thread before the worker is started: a small review never starts it. */
const INLINE_FIRST = 64 * 1024 * 1024
/** Size of the blocks that carry bytes to the worker. */
const BLOCK = 256 * 1024
/** Bytes handed to the worker and not yet hashed, past which reading waits. */
const MAX_QUEUED = 4 * 1024 * 1024
/** Blocks kept for reuse. */
const MAX_FREE = MAX_QUEUED / BLOCK + 8

type Part = [id: number, buffer: ArrayBuffer, offset: number, length: number]

interface Owed {
  id: number
  resolve: (hex: string) => void
  reject: (e: Error) => void
}

interface Reply {
  bytes: number
  digests: [number, string][]
  buffers: ArrayBuffer[]
}

/** The one hashing thread of the process, started on first use, and its blocks. */
class HashThread {
  inlineBytes = 0
  failure: Error | null = null
  private worker: Worker | null = null
  private nextId = 1
  private queued = 0
  private readonly free: Buffer[] = []
  private readonly waiting = new Map<number, Owed>()
  private wake: (() => void)[] = []

  id(): number {
    return this.nextId++
  }

  block(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(BLOCK)
  }

  /** Sends parts (in `block`) and the hashes whose parts are all sent; those resolve to their digests. */
  send(parts: Part[], done: Owed[], block: Buffer | null): void {
    if (this.failure) {
      for (const d of done) d.reject(this.failure)
      return
    }
    for (const d of done) this.waiting.set(d.id, d)
    for (const p of parts) this.queued += p[3]
    try {
      const w = this.spawned()
      w.postMessage({ parts, done: done.map((d) => d.id) }, block ? [block.buffer as ArrayBuffer] : [])
      // the run does not wait for the worker, only for the digests it owes
      if (this.waiting.size > 0) w.ref()
    } catch (e) {
      this.fail(e as Error)
    }
  }

  ready(): Promise<void> | null {
    if (this.queued <= MAX_QUEUED || this.failure) return null
    return new Promise((resolve) => this.wake.push(resolve))
  }

  private spawned(): Worker {
    if (this.worker) return this.worker
    const w = new Worker(WORKER_SOURCE, { eval: true })
    w.unref()
    w.on('message', (reply: Reply) => this.received(reply))
    w.on('error', (e) => this.fail(e))
    w.on('exit', (code) => this.fail(new Error(`the hashing thread stopped (exit code ${code})`)))
    this.worker = w
    return w
  }

  private received(reply: Reply): void {
    this.queued -= reply.bytes
    for (const b of reply.buffers) if (this.free.length < MAX_FREE) this.free.push(Buffer.from(b))
    for (const [id, hex] of reply.digests) {
      this.waiting.get(id)?.resolve(hex)
      this.waiting.delete(id)
    }
    if (this.waiting.size === 0) this.worker?.unref()
    if (this.queued <= MAX_QUEUED) for (const w of this.wake.splice(0)) w()
  }

  private fail(e: Error): void {
    if (this.failure) return
    this.failure = e
    for (const w of this.waiting.values()) w.reject(e)
    this.waiting.clear()
    for (const w of this.wake.splice(0)) w()
  }
}

const thread = new HashThread()

/**
 * The hasher of one stream: on this thread until the run has hashed `inlineFirst` bytes, on the hashing thread after.
 */
export class StreamHasher implements BlobHasher {
  private parts: Part[] = []
  private done: Owed[] = []
  private block: Buffer | null = null
  private used = 0

  constructor(private readonly inlineFirst = INLINE_FIRST) {}

  start(): BlobHash {
    if (thread.failure || thread.inlineBytes < this.inlineFirst) {
      const h = inlineHasher.start()
      return {
        update: (part) => {
          thread.inlineBytes += part.length
          h.update(part)
        },
        digest: () => h.digest()
      }
    }
    const id = thread.id()
    return {
      update: (part) => this.copy(id, part),
      digest: () => new Promise<string>((resolve, reject) => this.done.push({ id, resolve, reject }))
    }
  }

  chunkDone(): void {
    if (this.done.length > 0) this.flush()
  }

  ready(): Promise<void> | null {
    return thread.ready()
  }

  private copy(id: number, part: Buffer): void {
    for (let at = 0; at < part.length;) {
      if (!this.block) {
        this.block = thread.block()
        this.used = 0
      }
      const n = Math.min(part.length - at, BLOCK - this.used)
      part.copy(this.block, this.used, at, at + n)
      this.parts.push([id, this.block.buffer as ArrayBuffer, this.block.byteOffset + this.used, n])
      this.used += n
      at += n
      if (this.used === BLOCK) this.flush()
    }
  }

  private flush(): void {
    const { parts, done, block } = this
    this.parts = []
    this.done = []
    this.block = null
    thread.send(parts, done, block)
  }
}
