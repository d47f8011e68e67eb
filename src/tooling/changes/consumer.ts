import type { ConsumerContract, MemberKind, MemberUsage, OperationUsage } from '../../core/contract/types.js'
import { wholeValueRegExp } from '../../core/regex/to-js.js'
import type { ModelShape, ServiceModel } from '../model/model.js'
import { type ChangeItem, type OperationDiff, type SideDiff, setAt } from './diff.js'
import { type ChangeTree, py, typeNotation } from './notation.js'
import { operationLines } from './report.js'
import type { JudgedChange, Verdict } from './verdicts.js'

/** A consumer contract checked against a model: only the changes that touch what the consumer used. */
export interface ConsumerReport {
  readonly date: string
  readonly service: string
  readonly consumer: string | undefined
  readonly operations: readonly OperationDiff[]
  readonly changes: readonly JudgedChange[]
}

type Found = { readonly name: string; readonly shape: ModelShape } | undefined

/** The kind of a model shape in the contract's terms. */
function modelKind(shape: ModelShape): MemberKind {
  if (shape.type === 'string') return shape.enum ? 'enum' : 'string'
  if (shape.type === 'long') return 'integer'
  if (shape.type === 'float') return 'double'
  if (shape.type === 'structure' && shape.document) return 'document'
  return shape.type
}

const textual = (k: MemberKind) => k === 'string' || k === 'enum'

/** Resolves a usage path (`UserAttributes[].Name`, `ClientMetadata{}`) from a root shape; undefined where a member is missing. */
function resolve(model: ServiceModel, root: string, path: string): Found {
  let name = root
  for (const token of path.split('.')) {
    const [member, ...steps] = token.split(/(?=\[\]|\{\})/)
    const parent = model.shapes[name]
    const ref = parent?.type === 'structure' ? parent.members?.[member!] : undefined
    if (!ref) return undefined
    name = ref.shape
    for (const step of steps) {
      const shape = model.shapes[name]
      const next = step === '[]' ? shape?.member : shape?.value
      if (!next) return undefined
      name = next.shape
    }
  }
  const shape = model.shapes[name]
  return shape ? { name, shape } : undefined
}

/** The member names of a usage path, as the change notation nests them. */
const members = (path: string): string[] => path.split('.').map((t) => t.replace(/(\[\]|\{\})+$/, ''))

/** The parent structure's path and the member's name; the parent of a top-level member is `''`. */
function parentOf(path: string): [string, string] {
  const at = path.lastIndexOf('.')
  return at < 0 ? ['', path] : [path.slice(0, at), path.slice(at + 1)]
}

const KIND_NOTATION: Record<MemberKind, string> = {
  string: "'string'",
  enum: "'string'",
  integer: '123',
  double: '123.0',
  boolean: 'True|False',
  timestamp: 'datetime(2015, 1, 1)',
  blob: "b'bytes'",
  list: '[...]',
  map: '{...}',
  structure: '{...}',
  document: "{...}|[...]|123|123.4|'string'|True|None",
}

interface Finding {
  readonly item: ChangeItem
  readonly verdict: Verdict
  readonly reason: string
  readonly change: string
}

/** Checks one side's recorded members against the model; `findings` and the notation trees are filled. */
class SideCheck {
  readonly diff: SideDiff = { added: new Map(), removed: new Map(), changed: new Map(), items: [] }
  readonly findings: Finding[] = []

  constructor(
    readonly model: ServiceModel,
    readonly side: 'request' | 'response',
  ) {}

  add(
    path: string,
    item: Omit<ChangeItem, 'side' | 'path'>,
    tree: ChangeTree,
    leafPath: string[],
    leaf: string,
    judged: [Verdict, string],
    change: string,
  ): void {
    const full: ChangeItem = { side: this.side, path: members(path), ...item }
    this.diff.items.push(full)
    setAt(
      tree,
      leafPath,
      item.kind === 'value-added' || item.kind === 'value-removed'
        ? { kind: 'values', values: item.values ?? [] }
        : { kind: tree === this.diff.changed ? 'change' : 'type', text: leaf },
    )
    this.findings.push({ item: full, verdict: judged[0], reason: judged[1], change })
  }

  /** A bound of a string, number or list: [the recorded extent breaks it, it was tightened, it was loosened]. */
  bound(path: string, usage: MemberUsage, shape: ModelShape, which: 'min' | 'max'): void {
    const before = usage.constraints?.[which]
    const after = shape[which]
    if (before === after) return
    const extent = which === 'min' ? usage.least : usage.most
    const tighter = after !== undefined && (before === undefined || (which === 'min' ? after > before : after < before))
    const show = (v: number | undefined) => (v === undefined ? 'None' : String(v))
    const text = `${show(before)} -> ${show(after)}`
    const item = { kind: 'constraint', constraint: which, from: before, to: after } as const
    const leaf = [...members(path), which]
    const unit = usage.kind === 'list' || usage.kind === 'map' ? 'items' : usage.kind === 'string' ? 'characters' : ''
    if (this.side === 'request') {
      if (!tighter) return
      const broken = extent !== undefined && (which === 'min' ? extent < after! : extent > after!)
      this.add(
        path,
        item,
        this.diff.changed,
        leaf,
        text,
        broken
          ? ['breaking', `the ${which} bound was tightened and the consumer sent ${extent}${unit && ` ${unit}`}`]
          : ['dangerous', `the ${which} bound was tightened; every value the consumer sent still fits`],
        `${which} ${text}`,
      )
    } else if (!tighter) {
      this.add(
        path,
        item,
        this.diff.changed,
        leaf,
        text,
        ['dangerous', `responses may now hold values past the former ${which} bound`],
        `${which} ${text}`,
      )
    }
  }

  pattern(path: string, usage: MemberUsage, shape: ModelShape): void {
    const before = usage.constraints?.pattern
    if (before === shape.pattern || shape.pattern === undefined) return
    const text = `${before === undefined ? 'None' : py(before)} -> ${py(shape.pattern)}`
    const item = { kind: 'constraint', constraint: 'pattern', from: before, to: shape.pattern } as const
    const leaf = [...members(path), 'pattern']
    let verdict: [Verdict, string]
    if (this.side === 'response')
      verdict = ['dangerous', 'the pattern changed: responses may hold values the consumer has not seen']
    else {
      const re = wholeValueRegExp(shape.pattern)
      const misfit = (usage.samples ?? []).find((v) => !re.test(v))
      verdict =
        misfit !== undefined
          ? ['breaking', `the pattern changed and the consumer sent ${py(misfit)}, which does not fit it`]
          : usage.samples?.length
            ? ['dangerous', 'the pattern changed; the values the consumer sent still fit it']
            : ['dangerous', 'the pattern changed; the values sent are sensitive, so none were kept to check']
    }
    this.add(path, item, this.diff.changed, leaf, `${before ?? 'None'} -> ${shape.pattern}`, verdict, `pattern ${text}`)
  }

  /** Checks every recorded member of this side. */
  run(root: string | undefined, usage: Readonly<Record<string, MemberUsage>>, op: OperationUsage): void {
    const gone = new Set<string>()
    for (const [path, used] of Object.entries(usage)) {
      if ([...gone].some((g) => path.startsWith(`${g}.`) || path.startsWith(`${g}[`) || path.startsWith(`${g}{`)))
        continue
      const found = root ? resolve(this.model, root, path) : undefined
      if (!found) {
        gone.add(path)
        const [parent] = parentOf(path)
        // A list's items or a map's values that vanished are the member's own change.
        if (/(\[\]|\{\})$/.test(path)) continue
        if (parent && !usage[parent]) continue
        this.add(
          path,
          { kind: 'member-removed' },
          this.diff.removed,
          members(path),
          used.constraints?.enum ? used.constraints.enum.map(py).join('|') : KIND_NOTATION[used.kind],
          this.side === 'request'
            ? ['breaking', 'the consumer sends it; requests that do are no longer valid']
            : ['breaking', 'the consumer receives it and would no longer get it'],
          'removed member',
        )
        continue
      }
      const kind = modelKind(found.shape)
      if (kind !== used.kind && !(textual(kind) && textual(used.kind))) {
        gone.add(path)
        const to = typeNotation(this.model, found.name)
        this.add(
          path,
          { kind: 'type', from: KIND_NOTATION[used.kind], to },
          this.diff.changed,
          [...members(path), 'type'],
          `${KIND_NOTATION[used.kind]} -> ${to}`,
          ['breaking', 'the member the consumer uses has another type'],
          `type ${KIND_NOTATION[used.kind]} -> ${to}`,
        )
        continue
      }
      if (this.side === 'response' && used.required && !/(\[\]|\{\})$/.test(path) && !this.requiredIn(path, root!)) {
        this.add(
          path,
          { kind: 'required-removed' },
          this.diff.changed,
          [...members(path), 'required'],
          'True -> False',
          ['breaking', 'the consumer receives it and responses no longer guarantee it'],
          'no longer required',
        )
      }
      if (textual(kind)) this.values(path, used, found.shape)
      for (const which of ['min', 'max'] as const) if (kind !== 'enum') this.bound(path, used, found.shape, which)
      if (kind === 'string') this.pattern(path, used, found.shape)
    }
    if (this.side === 'request' && root) this.required(root, usage, op)
  }

  requiredIn(path: string, root: string): boolean {
    const [parent, member] = parentOf(path)
    const shape = parent ? resolve(this.model, root, parent)?.shape : this.model.shapes[root]
    return (shape?.required ?? []).includes(member)
  }

  values(path: string, used: MemberUsage, shape: ModelShape): void {
    if (this.side === 'request') {
      const sent = used.kind === 'enum' ? (used.values ?? []) : []
      const dropped = shape.enum ? sent.filter((v) => !shape.enum!.includes(v)) : []
      const misfits =
        used.kind === 'string' && shape.enum ? (used.samples ?? []).filter((v) => !shape.enum!.includes(v)) : []
      const values = [...dropped, ...misfits]
      if (values.length)
        this.add(
          path,
          { kind: 'value-removed', values },
          this.diff.removed,
          members(path),
          '',
          ['breaking', `the consumer sends ${values.map(py).join(', ')}, which the model no longer allows`],
          `removed enum value${values.length > 1 ? 's' : ''} ${values.join(', ')}`,
        )
      return
    }
    const known = used.constraints?.enum
    if (!known || !shape.enum) return
    const added = shape.enum.filter((v) => !known.includes(v))
    if (added.length)
      this.add(
        path,
        { kind: 'value-added', values: added },
        this.diff.added,
        members(path),
        '',
        ['dangerous', 'the consumer receives this member; code that switches over its values does not handle these'],
        `added enum value${added.length > 1 ? 's' : ''} ${added.join(', ')}`,
      )
  }

  /** Members the model requires that the consumer does not always send. */
  required(root: string, usage: Readonly<Record<string, MemberUsage>>, op: OperationUsage): void {
    const parents: Array<[string, number, readonly string[] | undefined]> = [['', op.calls, op.requestMembers]]
    for (const [path, used] of Object.entries(usage))
      if (used.kind === 'structure') parents.push([path, used.count, used.members])
    for (const [parent, count, known] of parents) {
      const shape = parent ? resolve(this.model, root, parent)?.shape : this.model.shapes[root]
      if (shape?.type !== 'structure') continue
      for (const member of shape.required ?? []) {
        const path = parent ? `${parent}.${member}` : member
        const sent = usage[path]?.count ?? 0
        if (sent >= count) continue
        const how = `the consumer ${sent ? `sent it in ${sent} of ${count}` : 'does not send it'}`
        if (known?.includes(member))
          this.add(
            path,
            { kind: 'required-added' },
            this.diff.changed,
            [...members(path), 'required'],
            'False -> True',
            ['breaking', `now required, and ${how}`],
            'now required',
          )
        else
          this.add(
            path,
            { kind: 'member-added', required: true },
            this.diff.added,
            members(path),
            typeNotation(this.model, shape.members![member]!.shape),
            ['breaking', `a new required member, and ${how}`],
            'added required member',
          )
      }
    }
  }
}

/** Checks what a consumer used against a model and keeps only the changes that touch it. */
export function checkContract(contract: ConsumerContract, model: ServiceModel, date: string): ConsumerReport {
  const operations: OperationDiff[] = []
  const changes: JudgedChange[] = []
  for (const [name, usage] of Object.entries(contract.operations)) {
    const op = model.operations[name]
    const empty = (): SideDiff => ({ added: new Map(), removed: new Map(), changed: new Map(), items: [] })
    if (!op) {
      operations.push({
        name,
        status: 'removed',
        request: empty(),
        response: empty(),
        errorsAdded: [],
        errorsRemoved: [],
      })
      changes.push({
        operation: name,
        side: 'operation',
        path: '',
        change: 'removed operation',
        verdict: 'breaking',
        reason: `the consumer made ${usage.calls} call${usage.calls === 1 ? '' : 's'} to it`,
      })
      continue
    }
    const request = new SideCheck(model, 'request')
    request.run(op.input?.shape, usage.request, usage)
    const response = new SideCheck(model, 'response')
    response.run(op.output?.shape, usage.response, usage)
    const errorsAdded = (op.errors ?? []).map((e) => e.shape).filter((e) => !usage.modelledErrors.includes(e))
    const findings = [...request.findings, ...response.findings]
    if (!findings.length && !errorsAdded.length) continue
    operations.push({
      name,
      status: 'updated',
      request: request.diff,
      response: response.diff,
      errorsAdded,
      errorsRemoved: [],
    })
    for (const f of findings)
      changes.push({
        operation: name,
        side: f.item.side,
        path: f.item.path.join('.'),
        change: f.change,
        verdict: f.verdict,
        reason: f.reason,
      })
    for (const e of errorsAdded)
      changes.push({
        operation: name,
        side: 'operation',
        path: '',
        change: `added error ${e}`,
        verdict: 'dangerous',
        reason: 'the consumer calls it and does not handle this error yet',
      })
  }
  return { date, service: model.metadata.serviceFullName, consumer: contract.consumer, operations, changes }
}

/** The header line: `2024/04/26 - Amazon Cognito Identity Provider - 2 updated api methods used by web-app`. */
export function consumerHeader(report: ConsumerReport): string {
  const count = (status: OperationDiff['status']) => report.operations.filter((o) => o.status === status).length
  const parts = (['updated', 'removed'] as const).filter((s) => count(s)).map((s) => `${count(s)} ${s}`)
  return `${report.date} - ${report.service} - ${parts.length ? parts.join(' ') : 'no changed'} api methods used by ${report.consumer ?? 'this consumer'}`
}

/** The report in the seed document's notation, then the verdicts for this consumer. */
export function formatConsumerReport(report: ConsumerReport): string {
  const blocks = [consumerHeader(report), ...report.operations.map((op) => operationLines(op).join('\n'))]
  const counts = (['breaking', 'dangerous'] as const).map(
    (v) => `${report.changes.filter((c) => c.verdict === v).length} ${v}`,
  )
  const lines = report.changes.map(
    (c) =>
      `${c.verdict.padEnd(9)} ${c.operation}${c.side === 'operation' ? '' : ` ${c.side}`}${c.path ? ` ${c.path}` : ''}: ${c.change} (${c.reason})`,
  )
  return `${blocks.join('\n\n')}\n\nVerdicts for this consumer: ${counts.join(', ')}\n${lines.map((l) => `${l}\n`).join('')}`
}
