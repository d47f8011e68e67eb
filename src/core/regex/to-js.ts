import type { RegexNode } from './ast.js'
import { parseJavaRegex } from './parse.js'

function quantifier(min: number, max: number): string {
  if (min === 0 && max === Infinity) return '*'
  if (min === 1 && max === Infinity) return '+'
  if (min === 0 && max === 1) return '?'
  if (min === max) return `{${min}}`
  return max === Infinity ? `{${min},}` : `{${min},${max}}`
}

function emit(node: RegexNode, grouped: boolean): string {
  switch (node.kind) {
    case 'set':
      return node.js
    case 'start':
      return '^'
    case 'end':
      return '$'
    case 'look':
      return `(?${node.behind ? '<' : ''}${node.negate ? '!' : '='}${node.set.js})`
    case 'seq': {
      const body = node.items.map((item) => emit(item, false)).join('')
      return grouped ? `(?:${body})` : body
    }
    case 'alt':
      return `(?:${node.options.map((option) => emit(option, false)).join('|')})`
    case 'repeat': {
      const inner = emit(node.node, true)
      return (node.node.kind === 'repeat' ? `(?:${inner})` : inner) + quantifier(node.min, node.max)
    }
  }
}

/** JavaScript source (for the `u` flag) equivalent to a parsed Java pattern applied to the whole value. */
export function nodeToJs(node: RegexNode): string {
  return `^(?:${emit(node, false)})$`
}

/** JavaScript source (for the `u` flag) equivalent to a Java pattern applied to the whole value. */
export function javaPatternToJs(java: string): string {
  return nodeToJs(parseJavaRegex(java).node)
}

/** A `u`-flag RegExp that accepts exactly the values Java's `Pattern.matches` accepts. */
export function wholeValueRegExp(java: string): RegExp {
  return new RegExp(javaPatternToJs(java), 'u')
}
