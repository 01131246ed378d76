// What a reviewer sees of a comment without opening anything: the markdown outside collapsed <details> blocks and
// hidden HTML comments.
export function visiblePart(markdown: string): string {
  let out = markdown
  for (;;) {
    // innermost blocks first, so nested ones go with their parent
    const next = out.replace(/<details>(?:(?!<details>)[\s\S])*?<\/details>/g, '')
    if (next === out) break
    out = next
  }
  return out.replace(/<!--[\s\S]*?-->/g, '')
}
