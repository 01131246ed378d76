// Text from the PR or the bridge, escaped for the markdown it is placed in: code spans that nothing can break out
// of, one-line table cells and list entries, and mentions that ping nobody.

/** Control characters (newlines included) shown as escapes, so a value keeps to its one line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  return text.replace(/\r\n|[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (c) =>
    c === '\t'
      ? ' '
      : c === '\r\n' || c === '\n'
        ? '\\n'
        : c === '\r'
          ? '\\r'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/**
 * An inline code span that shows `text` as it is and cannot be broken out of: newlines shown as `\n`, a backtick
 * fence longer than any run inside, padding when the text starts or ends with a backtick, and in a table cell the
 * pipes escaped (GFM splits cells on `|` even inside code).
 */
export function codeSpan(text: string, opts: { table?: boolean } = {}): string {
  let body = oneLine(text)
  if (opts.table) body = body.replace(/\|/g, '\\|')
  let longest = 0
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const ticks = '`'.repeat(longest + 1)
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : ''
  return `${ticks}${pad}${body}${pad}${ticks}`
}

/** Text for one table cell: one line, pipes escaped. */
export function tableCell(text: string): string {
  return text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ').replace(/\|/g, '\\|')
}

/**
 * Stops every mention form from pinging, code included (see `neutraliseMentions` in sanitize.ts, which spares code): `@user`, `@org/team`, and the forms a word character or markup hides
 * (`_@team_`, `cc/@user`, `@@user`, `**@user**`, `\@user`), plus `@` written as an HTML entity. An `@` right after a
 * letter or digit (an e-mail address) is left alone: GitHub does not mention there.
 */
export function neutraliseAllMentions(text: string): string {
  return text.replace(/&(?:#0*64|#x0*40|commat);/gi, '@').replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/g, '$1@\u200b')
}
