// YAML as PyYAML reads it, where the YAML library is stricter: a quoted value continued on lines indented no deeper
// than its key (rl-baselines3-zoo's `replay_buffer_kwargs: "dict(\n    goal_selection_strategy='future',\n  )"`).
// The spec asks continuation lines of a flow scalar to be indented; PyYAML, which trains these models, does not, so a
// config it runs must not read here as broken. Only the leading spaces of such lines change: the value is the same
// (a quoted scalar folds the leading white space of its continuation lines away) and every line keeps its number.

/** The text with the continuation lines of quoted values indented under their key; null when none needed it. */
export function indentQuotedContinuations(text: string): string | null {
  const lines = text.split('\n')
  let changed = false
  for (let i = 0; i < lines.length; i++) {
    // `key: "` or `- key: '` opening a quoted value that does not close on its line
    const m = /^(\s*)(?:-\s+)?[^\s#'"][^:#]*:\s+(["'])(.*)$/.exec(lines[i])
    if (!m || closes(m[3], m[2])) continue
    const keyIndent = m[1].length
    const quote = m[2]
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]
      const indent = line.length - line.trimStart().length
      if (line.trim() !== '' && indent <= keyIndent) {
        lines[j] = ' '.repeat(keyIndent + 1 - indent) + line
        changed = true
      }
      if (closes(line, quote)) {
        i = j
        break
      }
    }
  }
  return changed ? lines.join('\n') : null
}

/** Whether a quoted value's text (after its opening quote) closes on this line. */
function closes(rest: string, quote: string): boolean {
  if (quote === '"') {
    for (let k = 0; k < rest.length; k++) {
      if (rest[k] === '\\') k++
      else if (rest[k] === '"') return true
    }
    return false
  }
  // a single-quoted value escapes its quote by doubling it
  return rest.replace(/''/g, '').includes("'")
}
