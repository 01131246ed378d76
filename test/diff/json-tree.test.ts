import { parseTree, type Node } from 'jsonc-parser'
import { describe, expect, it } from 'vitest'
import { jsonProperty, jsonString, jsonTree, type JsonNode } from '../../src/diff/json-tree.js'

/** The shape jsonc-parser gives a tree: type, offset, children and (for strings) the value. */
function shape(text: string, node: Node | JsonNode | undefined, ours: boolean): unknown {
  if (!node) return null
  const value = ours ? jsonString(text, node as JsonNode) : node.type === 'string' ? (node as Node).value : undefined
  return {
    type: node.type,
    offset: node.offset,
    ...(value !== undefined ? { value } : {}),
    children: (node.children ?? []).map((c) => shape(text, c, ours))
  }
}

const SAMPLES: Record<string, string> = {
  'a notebook as Jupyter writes it': JSON.stringify(
    {
      cells: [
        {
          cell_type: 'code',
          source: ['x = 1\n', 'print("a \\"b\\"")'],
          outputs: [{ output_type: 'stream', text: ['1\n'] }]
        }
      ],
      metadata: {},
      nbformat: 4
    },
    null,
    1
  ),
  'one line, no spaces': '{"a":[1,-2.5e3,true,false,null,"x"],"b":{"c":{}}}',
  'escapes: quotes after backslashes, unicode, a key with an escape':
    '{"a\\"b": "\\\\", "c": "\\\\\\"", "d": "\\u00e9\\n"}',
  'duplicate keys (the first is the one found)': '{"k": 1, "k": [2, 3]}',
  'top-level array with empty containers': '[ [], {}, "", [[[]]] ]'
}

describe('jsonTree', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`places every value where jsonc-parser does: ${name}`, () => {
      expect(shape(text, jsonTree(text), true)).toEqual(
        shape(text, parseTree(text, [], { disallowComments: true }), false)
      )
    })
  }

  it('finds the first property of a name, decoding keys', () => {
    const text = '{"a\\u0062": 1, "ab": 2}'
    expect(jsonProperty(text, jsonTree(text), 'ab')?.offset).toBe(text.indexOf('1'))
    expect(jsonProperty(text, jsonTree(text), 'zz')).toBeUndefined()
  })

  it('reads nesting deeper than a recursive parser could', () => {
    const depth = 200_000
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`
    let node: JsonNode | undefined = jsonTree(text)
    let levels = 0
    while (node) {
      levels++
      node = node.children?.[0]
    }
    expect(levels).toBe(depth)
  })
})
