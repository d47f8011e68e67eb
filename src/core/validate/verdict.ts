import type { Compiled, Shape, Valid } from './compile.js'

/** Generated JavaScript for the fast verdict: the functions' sources and the values they close over. */
class Generator {
  readonly sources: string[] = []
  readonly externals: unknown[] = []
  private readonly names = new Map<Compiled, string>()

  /** A name for a value the generated code uses (a matcher, a set, a fallback). */
  external(value: unknown): string {
    this.externals.push(value)
    return `e${this.externals.length - 1}`
  }

  /** The name of the generated function deciding `compiled` for a present value, generated on first use. */
  fn(compiled: Compiled): string {
    let name = this.names.get(compiled)
    if (name) return name
    name = `f${this.names.size}`
    this.names.set(compiled, name)
    this.sources.push(`function ${name}(x){${this.body(compiled)}}`)
    return name
  }

  /** A boolean expression deciding the present (non-null) value in variable `v`. */
  expr(compiled: Compiled, v: string): string {
    const shape = compiled.shape
    switch (shape.kind) {
      case 'string':
        return this.string(shape, v)
      case 'enum':
        return `(typeof ${v}==="string"&&${this.external(shape.allowed)}.has(${v}))`
      case 'number': {
        const parts = [`typeof ${v}==="number"`, `Number.isFinite(${v})`]
        if (shape.integer) parts.push(`Number.isInteger(${v})`)
        if (shape.min !== undefined) parts.push(`${v}>=${shape.min}`)
        if (shape.max !== undefined) parts.push(`${v}<=${shape.max}`)
        return `(${parts.join('&&')})`
      }
      case 'boolean':
        return `(typeof ${v}==="boolean")`
      case 'any':
        return 'true'
      case 'ref':
        return `${this.fn(shape.resolve())}(${v})`
      default:
        return `${this.fn(compiled)}(${v})`
    }
  }

  private string(shape: Extract<Shape, { kind: 'string' }>, v: string): string {
    const parts = [`typeof ${v}==="string"`]
    if (shape.blob) parts.push(`${this.external(shape.length)}(${v})`)
    else if (shape.min !== undefined || shape.max !== undefined) {
      // Code points are at most the UTF-16 length and at least half of it: count them only when that does not decide.
      const quick = [
        ...(shape.max === undefined ? [] : [`${v}.length<=${shape.max}`]),
        ...(shape.min === undefined ? [] : [`${v}.length>=${2 * shape.min}`]),
      ].join('&&')
      parts.push(`(${quick}||${this.external(shape.length)}(${v}))`)
    }
    if (shape.matches) parts.push(`${this.external(shape.matches)}(${v})`)
    return `(${parts.join('&&')})`
  }

  /** The body of a function deciding a present value `x` of `compiled`. */
  private body(compiled: Compiled): string {
    const shape = compiled.shape
    const plain = 'if(x===null||typeof x!=="object"||Array.isArray(x))return false;'
    switch (shape.kind) {
      case 'structure': {
        const lines = shape.members.map(
          (m) =>
            `v=x[${JSON.stringify(m.name)}];if(v===undefined||v===null){${m.required ? 'return false' : ''}}else if(!${this.expr(m.compiled, 'v')})return false;`,
        )
        return `${plain}let v;${lines.join('')}return true`
      }
      case 'list': {
        const size = bounds('x.length', shape.min, shape.max)
        return `if(!Array.isArray(x))return false;${size}for(let i=0;i<x.length;i++){const v=x[i];if(v===null||v===undefined||!${this.expr(shape.item, 'v')})return false}return true`
      }
      case 'map': {
        const size = bounds('k.length', shape.min, shape.max)
        const key = shape.key ? `if(!${this.expr(shape.key, 'n')})return false;` : ''
        const nullValue = shape.value.scalar ? 'return false' : ''
        return `${plain}const k=Object.keys(x);${size}for(let i=0;i<k.length;i++){const n=k[i];${key}const v=x[n];if(v===null||v===undefined){${nullValue}}else if(!${this.expr(shape.value, 'v')})return false}return true`
      }
      default:
        return `return ${this.expr(compiled, 'x')}`
    }
  }
}

function bounds(size: string, min: number | undefined, max: number | undefined): string {
  const tests = [...(min === undefined ? [] : [`${size}<${min}`]), ...(max === undefined ? [] : [`${size}>${max}`])]
  return tests.length === 0 ? '' : `if(${tests.join('||')})return false;`
}

/** Whether this environment lets code be generated (a Content Security Policy without 'unsafe-eval' does not). */
let generationAllowed: boolean | undefined

/**
 * The fast verdict of a compiled schema as one generated function (structures, lists and maps unrolled, scalars
 * inline, patterns and code-point counts called), deciding exactly what `compiled.valid` decides. Where code cannot
 * be generated, `compiled.valid` itself.
 */
export function verdictOf(compiled: Compiled): Valid {
  if (generationAllowed === false) return compiled.valid
  const generator = new Generator()
  const root = generator.fn(compiled)
  const names = generator.externals.map((_, i) => `e${i}`)
  const source = `"use strict";${generator.sources.join('\n')}\nreturn ${root}`
  try {
    const make = new Function(...names, source) as (...args: unknown[]) => Valid
    generationAllowed = true
    return make(...generator.externals)
  } catch {
    generationAllowed = false
    return compiled.valid
  }
}
