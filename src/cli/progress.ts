// What ml-review says on stderr while it works: plain lines, and on a terminal a spinner with the elapsed time while
// the agent thinks (an answer can take minutes; silence reads as a hang).
import type { WriteStream } from 'node:tty'

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

export class Progress {
  private timer: NodeJS.Timeout | null = null
  private label = ''
  private started = 0
  private frame = 0

  constructor(private readonly stream: Pick<WriteStream, 'write'> & { isTTY?: boolean }) {}

  private get live(): boolean {
    return this.stream.isTTY === true
  }

  /** One line of progress; on a terminal the spinner is redrawn below it. */
  line(text: string): void {
    this.clear()
    this.stream.write(`ml-review: ${text}\n`)
    this.draw()
  }

  /** Starts the elapsed-time line (a terminal only; elsewhere the line is printed once). */
  wait(label: string): void {
    if (!this.live) {
      this.line(`${label}…`)
      return
    }
    this.label = label
    this.started = Date.now()
    this.draw()
    this.timer = setInterval(() => this.draw(), 100)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.clear()
    this.label = ''
  }

  private clear(): void {
    if (this.live && this.label !== '') this.stream.write('\r\u001b[2K')
  }

  private draw(): void {
    if (!this.live || this.label === '') return
    const secs = Math.floor((Date.now() - this.started) / 1000)
    const elapsed = secs >= 60 ? `${Math.floor(secs / 60)} min ${secs % 60} s` : `${secs} s`
    this.frame = (this.frame + 1) % FRAMES.length
    this.stream.write(`\r\u001b[2K${FRAMES[this.frame]} ${this.label} ${elapsed} (Ctrl-C: built-in result now)`)
  }
}
