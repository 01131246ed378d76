// Where each value of a JSON text sits: the nodes of jsonc-parser's tree (type, offset, children; a property's
// children are its key and its value), read from text that JSON.parse already accepted. Strings are skipped with
// `indexOf` and decoded only when asked for, so a notebook's megabyte reads at memory speed, not one character at a
// time through a general scanner. Iterative: no nesting is too deep for it.

export interface JsonNode {
  type: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null'
  offset: number
  /** offset just past the value (past the closing quote of a string) */
  end: number
  children?: JsonNode[]
}

const QUOTE = 0x22
const BACKSLASH = 0x5c

/** The tree of `text`, which must be valid JSON (as `JSON.parse` accepts it). */
export function jsonTree(text: string): JsonNode {
  const containers: JsonNode[] = []
  /** for each open object: whether the next string is a key */
  const expectKey: boolean[] = []
  let root: JsonNode | null = null
  const attach = (node: JsonNode): void => {
    const top = containers[containers.length - 1]
    if (!top) root ??= node
    else if (top.type === 'array') (top.children as JsonNode[]).push(node)
    else {
      const props = top.children as JsonNode[]
      props[props.length - 1]?.children?.push(node)
    }
  }
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a) {
      i++
    } else if (c === 0x2c) {
      if (containers[containers.length - 1]?.type === 'object') expectKey[expectKey.length - 1] = true
      i++
    } else if (c === 0x7b || c === 0x5b) {
      const node: JsonNode = { type: c === 0x7b ? 'object' : 'array', offset: i, end: i, children: [] }
      attach(node)
      containers.push(node)
      if (c === 0x7b) expectKey.push(true)
      i++
    } else if (c === 0x7d || c === 0x5d) {
      const node = containers.pop()
      if (node) node.end = i + 1
      if (c === 0x7d) expectKey.pop()
      i++
    } else if (c === QUOTE) {
      const end = stringEnd(text, i)
      const node: JsonNode = { type: 'string', offset: i, end }
      const top = containers[containers.length - 1]
      if (top?.type === 'object' && expectKey[expectKey.length - 1]) {
        ;(top.children as JsonNode[]).push({ type: 'property', offset: i, end, children: [node] })
        expectKey[expectKey.length - 1] = false
      } else attach(node)
      i = end
    } else {
      let end = i + 1
      while (end < n && !DELIMITER.has(text.charCodeAt(end))) end++
      attach({ type: c === 0x74 || c === 0x66 ? 'boolean' : c === 0x6e ? 'null' : 'number', offset: i, end })
      i = end
    }
  }
  if (!root) throw new Error('no JSON value')
  return root
}

const DELIMITER = new Set([0x2c, 0x7d, 0x5d, 0x20, 0x0a, 0x0d, 0x09, 0x3a])

/** Offset just past the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let at = text.indexOf('"', start + 1)
  while (at !== -1) {
    // a quote after an odd run of backslashes is escaped
    let slashes = 0
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes++
    if (slashes % 2 === 0) return at + 1
    at = text.indexOf('"', at + 1)
  }
  return text.length
}

/** The value of a string node (escapes read); undefined for any other node. */
export function jsonString(text: string, node: JsonNode | undefined): string | undefined {
  if (node?.type !== 'string') return undefined
  const raw = text.slice(node.offset + 1, node.end - 1)
  return raw.includes('\\') ? (JSON.parse(text.slice(node.offset, node.end)) as string) : raw
}

/** The value node of an object's first property named `name` (as jsonc-parser's tree finds it). */
export function jsonProperty(text: string, node: JsonNode | undefined, name: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined
  for (const prop of node.children ?? []) {
    if (jsonString(text, prop.children?.[0]) === name) return prop.children?.[1]
  }
  return undefined
}
