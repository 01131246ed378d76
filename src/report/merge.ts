// One item per problem: an agent item on the same place and topic as a built-in finding joins it ("built-in check
// X, confirmed by the agent"). The built-in item keeps its stable id; when the two disagree the stricter status
// stands, and the item says what the agent said.
import type { ChecklistItem, ItemStatus } from '../types.js'

const SEVERITY: Record<ItemStatus, number> = { na: 0, pass: 1, warn: 2, fail: 3 }

export function stricter(a: ItemStatus, b: ItemStatus): ItemStatus {
  return SEVERITY[a] >= SEVERITY[b] ? a : b
}

/** Lines apart that still count as the same place (an agent quotes the statement, a check its first line). */
const NEAR_LINES = 2
const STOP = new Set([
  'added',
  'removed',
  'changed',
  'model',
  'with',
  'from',
  'into',
  'than',
  'more',
  'alone',
  'before',
  'after',
  'longer'
])

/** The words that say what a check is about: `protected`, `attribute`, `fairness`, `seed`, … (first 5 letters). */
function topicWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9_]+/)
    .filter((w) => w.length >= 4 && !STOP.has(w))
  return new Set(words.map((w) => w.slice(0, 5)))
}

function sameTopic(builtin: ChecklistItem, agent: ChecklistItem): boolean {
  const check = builtin.finding?.check
  if (check && agent.text.toUpperCase().includes(check)) return true
  const title = topicWords(builtin.finding?.title ?? builtin.text)
  for (const w of topicWords(agent.text)) if (title.has(w)) return true
  return false
}

function samePlace(builtin: ChecklistItem, agent: ChecklistItem): boolean {
  if (builtin.path === null || agent.path !== builtin.path) return false
  if (builtin.line === null || agent.line === null)
    return agent.text.toUpperCase().includes(builtin.finding?.check ?? '\u0000')
  return Math.abs(builtin.line - agent.line) <= NEAR_LINES
}

/** The agent's items and the built-in ones, each problem once. */
export function mergeItems(agentItems: ChecklistItem[], builtinItems: ChecklistItem[]): ChecklistItem[] {
  const taken = new Set<ChecklistItem>()
  const merged = builtinItems.map((b) => {
    // an inline suppression silences the built-in finding, not what the agent found on its own: that stays apart
    if (b.suppressed) return b
    const agent = agentItems.find((a) => !taken.has(a) && samePlace(b, a) && sameTopic(b, a))
    if (!agent) return b
    taken.add(agent)
    const status = stricter(b.status, agent.status)
    return { ...b, status, bias: b.bias || agent.bias, agent: { text: agent.text, status: agent.status } }
  })
  return [...agentItems.filter((a) => !taken.has(a)), ...merged]
}
