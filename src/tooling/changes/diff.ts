import type { ModelShape, ServiceModel } from '../model/model.js'
import { type ChangeLeaf, type ChangeTree, py, typeNotation } from './notation.js'

/** Which half of an operation a change is in. */
export type Side = 'request' | 'response'

/** One change, as the verdict rules read it. */
export interface ChangeItem {
  readonly side: Side
  /** Member names from the operation's input or output (lists and maps transparent). */
  readonly path: readonly string[]
  readonly kind:
    | 'member-added'
    | 'member-removed'
    | 'value-added'
    | 'value-removed'
    | 'required-added'
    | 'required-removed'
    | 'constraint'
    | 'type'
  /** For member-added: whether the new member is required. For constraint: which one. */
  readonly required?: boolean | undefined
  readonly constraint?: 'min' | 'max' | 'pattern' | undefined
  readonly from?: string | number | undefined
  readonly to?: string | number | undefined
  /** The enum values added or removed. */
  readonly values?: readonly string[] | undefined
}

/** What changed in one side of an operation. */
export interface SideDiff {
  readonly added: ChangeTree
  readonly removed: ChangeTree
  readonly changed: ChangeTree
  readonly items: ChangeItem[]
}

/** Whether a side has any change. */
export function sideChanged(side: SideDiff): boolean {
  return side.added.size + side.removed.size + side.changed.size > 0
}

function emptySide(): SideDiff {
  return { added: new Map(), removed: new Map(), changed: new Map(), items: [] }
}

/** Puts a leaf into a change set at a member path. */
export function setAt(tree: ChangeTree, path: readonly string[], leaf: ChangeLeaf): void {
  let node = tree
  for (const key of path.slice(0, -1)) {
    let next = node.get(key)
    if (!(next instanceof Map)) {
      next = new Map()
      node.set(key, next)
    }
    node = next
  }
  node.set(path[path.length - 1]!, leaf)
}

function kindOf(shape: ModelShape): string {
  if (shape.type === 'string' && shape.enum) return 'enum'
  if (shape.type === 'structure' && shape.document) return 'document'
  return shape.type
}

const MAX_DEPTH = 40

/** Compares two shapes reached by the same member path, recording changes in `out`. */
function walk(
  before: ServiceModel,
  after: ServiceModel,
  oldName: string,
  newName: string,
  side: Side,
  path: string[],
  out: SideDiff,
  depth: number,
): void {
  const o = before.shapes[oldName]
  const n = after.shapes[newName]
  if (!o || !n || depth > MAX_DEPTH) return
  if (kindOf(o) !== kindOf(n)) {
    const from = typeNotation(before, oldName)
    const to = typeNotation(after, newName)
    setAt(out.changed, [...path, 'type'], { kind: 'change', text: `${from} -> ${to}` })
    out.items.push({ side, path, kind: 'type', from, to })
    return
  }
  for (const key of ['min', 'max', 'pattern'] as const) {
    if (o[key] === n[key]) continue
    const show = (v: string | number | undefined): string =>
      v === undefined ? 'None' : typeof v === 'string' ? py(v) : String(v)
    setAt(out.changed, [...path, key], { kind: 'change', text: `${show(o[key])} -> ${show(n[key])}` })
    out.items.push({
      side,
      path,
      kind: 'constraint',
      constraint: key,
      ...(o[key] !== undefined && { from: o[key] }),
      ...(n[key] !== undefined && { to: n[key] }),
    })
  }
  switch (kindOf(n)) {
    case 'enum': {
      const added = n.enum!.filter((v) => !o.enum!.includes(v))
      const removed = o.enum!.filter((v) => !n.enum!.includes(v))
      if (added.length) {
        setAt(out.added, path, { kind: 'values', values: added })
        out.items.push({ side, path, kind: 'value-added', values: added })
      }
      if (removed.length) {
        setAt(out.removed, path, { kind: 'values', values: removed })
        out.items.push({ side, path, kind: 'value-removed', values: removed })
      }
      return
    }
    case 'list':
      walk(before, after, o.member!.shape, n.member!.shape, side, path, out, depth + 1)
      return
    case 'map':
      walk(before, after, o.value!.shape, n.value!.shape, side, path, out, depth + 1)
      return
    case 'structure': {
      const oldMembers = o.members ?? {}
      const newMembers = n.members ?? {}
      const oldRequired = new Set(o.required ?? [])
      const newRequired = new Set(n.required ?? [])
      for (const [m, ref] of Object.entries(newMembers)) {
        const old = oldMembers[m]
        if (!old) {
          setAt(out.added, [...path, m], { kind: 'type', text: typeNotation(after, ref.shape) })
          out.items.push({ side, path: [...path, m], kind: 'member-added', required: newRequired.has(m) })
          continue
        }
        if (oldRequired.has(m) !== newRequired.has(m)) {
          setAt(out.changed, [...path, m, 'required'], {
            kind: 'change',
            text: `${oldRequired.has(m) ? 'True' : 'False'} -> ${newRequired.has(m) ? 'True' : 'False'}`,
          })
          out.items.push({ side, path: [...path, m], kind: newRequired.has(m) ? 'required-added' : 'required-removed' })
        }
        walk(before, after, old.shape, ref.shape, side, [...path, m], out, depth + 1)
      }
      for (const [m, ref] of Object.entries(oldMembers)) {
        if (m in newMembers) continue
        setAt(out.removed, [...path, m], { kind: 'type', text: typeNotation(before, ref.shape) })
        out.items.push({ side, path: [...path, m], kind: 'member-removed' })
      }
    }
  }
}

/** What changed in one operation between two models. */
export interface OperationDiff {
  readonly name: string
  readonly status: 'new' | 'updated' | 'removed'
  readonly request: SideDiff
  readonly response: SideDiff
  readonly errorsAdded: readonly string[]
  readonly errorsRemoved: readonly string[]
}

function fullSide(model: ServiceModel, shape: string | undefined, side: Side): SideDiff {
  const out = emptySide()
  const s = shape ? model.shapes[shape] : undefined
  for (const [m, ref] of Object.entries(s?.members ?? {})) {
    out.added.set(m, { kind: 'type', text: typeNotation(model, ref.shape) })
    out.items.push({ side, path: [m], kind: 'member-added', required: (s?.required ?? []).includes(m) })
  }
  return out
}

/** Every operation that differs between two models, in alphabetical order. */
export function diffModels(before: ServiceModel, after: ServiceModel): OperationDiff[] {
  const names = [...new Set([...Object.keys(before.operations), ...Object.keys(after.operations)])].sort()
  const out: OperationDiff[] = []
  for (const name of names) {
    const o = before.operations[name]
    const n = after.operations[name]
    if (!o) {
      out.push({
        name,
        status: 'new',
        request: fullSide(after, n!.input?.shape, 'request'),
        response: fullSide(after, n!.output?.shape, 'response'),
        errorsAdded: [],
        errorsRemoved: [],
      })
      continue
    }
    if (!n) {
      out.push({
        name,
        status: 'removed',
        request: emptySide(),
        response: emptySide(),
        errorsAdded: [],
        errorsRemoved: [],
      })
      continue
    }
    const request = emptySide()
    const response = emptySide()
    if (o.input && n.input) walk(before, after, o.input.shape, n.input.shape, 'request', [], request, 0)
    if (o.output && n.output) walk(before, after, o.output.shape, n.output.shape, 'response', [], response, 0)
    else if (n.output && !o.output) Object.assign(response, fullSide(after, n.output.shape, 'response'))
    const oldErrors = (o.errors ?? []).map((e) => e.shape)
    const newErrors = (n.errors ?? []).map((e) => e.shape)
    const errorsAdded = newErrors.filter((e) => !oldErrors.includes(e))
    const errorsRemoved = oldErrors.filter((e) => !newErrors.includes(e))
    if (sideChanged(request) || sideChanged(response) || errorsAdded.length || errorsRemoved.length) {
      out.push({ name, status: 'updated', request, response, errorsAdded, errorsRemoved })
    }
  }
  return out
}
