// JSON as Python's `json` module and nbformat read it: besides standard JSON, the bare constants `NaN`,
// `Infinity` and `-Infinity` (pandas and numpy write them into configs and notebook outputs).

/** Where a non-standard constant stood in the text, and the value it stands for. */
export interface PythonConstant {
  offset: number
  value: number
}

/**
 * The text with every bare `NaN`, `Infinity`, `-Infinity` outside strings replaced by a standard JSON number of the
 * same length (so every offset and line stays where it was), and where each one was. One pass, linear.
 */
export function standardJson(text: string): { text: string; constants: PythonConstant[] } {
  // most files hold neither word anywhere: found at memory speed, and the scan below is not needed
  if (!text.includes('NaN') && !text.includes('Infinity')) return { text, constants: [] }
  const constants: PythonConstant[] = []
  let out: string[] | null = null
  let last = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) {
      inString = true
      continue
    }
    // N, I or -I after a value separator: a candidate constant
    if (c !== 0x4e && c !== 0x49 && c !== 0x2d) continue
    let word: string | null = null
    let value = 0
    if (text.startsWith('NaN', i)) {
      word = 'NaN'
      value = NaN
    } else if (text.startsWith('Infinity', i)) {
      word = 'Infinity'
      value = Infinity
    } else if (text.startsWith('-Infinity', i)) {
      word = '-Infinity'
      value = -Infinity
    }
    if (!word) continue
    const next = text.charCodeAt(i + word.length)
    // `NaNx` is not the constant (it stays an error, as in Python)
    if (/[A-Za-z0-9_]/.test(String.fromCharCode(next || 0x20))) continue
    out ??= []
    out.push(text.slice(last, i), replacement(word))
    constants.push({ offset: i, value })
    last = i + word.length
    i = last - 1
  }
  if (!out) return { text, constants }
  out.push(text.slice(last))
  return { text: out.join(''), constants }
}

/** A standard JSON number as long as the constant it replaces. */
function replacement(word: string): string {
  if (word === 'NaN') return '0e0'
  if (word === 'Infinity') return '1e999999'
  return '-1e999999'
}
