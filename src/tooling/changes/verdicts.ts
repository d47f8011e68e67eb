import type { ChangeItem, OperationDiff } from './diff.js'

/** How a change can affect a client: it can break one, it may surprise one, or it cannot hurt. */
export type Verdict = 'breaking' | 'dangerous' | 'safe'

/** One change with its verdict and the reason, as `--json` lists them. */
export interface JudgedChange {
  readonly operation: string
  readonly side: 'request' | 'response' | 'operation'
  readonly path: string
  readonly change: string
  readonly verdict: Verdict
  readonly reason: string
}

const looser = (item: ChangeItem): boolean | undefined => {
  if (item.constraint === 'pattern') return undefined
  const from = item.from as number | undefined
  const to = item.to as number | undefined
  if (item.constraint === 'max') return to === undefined || (from !== undefined && to > from)
  return to === undefined || (from !== undefined && to < from)
}

/**
 * The direction rules of oasdiff, smithy-diff and Buf: a client that sends requests breaks when what it
 * may send shrinks; a client that reads responses breaks when what it may rely on shrinks, and may be
 * surprised by values it has not seen before.
 */
export function judge(item: ChangeItem): [Verdict, string] {
  const sends = item.side === 'request'
  switch (item.kind) {
    case 'member-added':
      if (sends)
        return item.required
          ? ['breaking', 'a new required member that existing requests do not send']
          : ['safe', 'a new optional member']
      return ['safe', 'a new member in responses']
    case 'member-removed':
      return sends
        ? ['breaking', 'requests that send it are no longer valid']
        : ['breaking', 'clients that read it no longer get it']
    case 'value-added':
      return sends
        ? ['safe', 'a new value requests may send']
        : ['dangerous', 'a response value that code switching exhaustively does not handle']
    case 'value-removed':
      return sends
        ? ['breaking', 'requests that send it are no longer valid']
        : ['safe', 'a value responses no longer carry']
    case 'required-added':
      return sends
        ? ['breaking', 'requests that leave it out are no longer valid']
        : ['safe', 'responses now always carry it']
    case 'required-removed':
      return sends ? ['safe', 'requests may now leave it out'] : ['breaking', 'responses no longer guarantee it']
    case 'type':
      return ['breaking', 'the member has another type']
    case 'constraint': {
      const loosened = looser(item)
      if (loosened === undefined) return ['dangerous', 'the pattern changed: some values may no longer fit it']
      if (sends)
        return loosened
          ? ['safe', `the ${item.constraint} bound was relaxed`]
          : ['breaking', `the ${item.constraint} bound was tightened: requests valid before may be refused`]
      return loosened
        ? ['dangerous', `responses may now hold values past the former ${item.constraint} bound`]
        : ['safe', `the ${item.constraint} bound was tightened in responses`]
    }
  }
}

function describe(item: ChangeItem): string {
  switch (item.kind) {
    case 'member-added':
      return `added ${item.required ? 'required' : 'optional'} member`
    case 'member-removed':
      return 'removed member'
    case 'value-added':
      return `added enum value${item.values!.length > 1 ? 's' : ''} ${item.values!.join(', ')}`
    case 'value-removed':
      return `removed enum value${item.values!.length > 1 ? 's' : ''} ${item.values!.join(', ')}`
    case 'required-added':
      return 'now required'
    case 'required-removed':
      return 'no longer required'
    case 'type':
      return `type ${item.from} -> ${item.to}`
    case 'constraint':
      return `${item.constraint} ${item.from ?? 'None'} -> ${item.to ?? 'None'}`
  }
}

/** Every change of every operation with its verdict. */
export function judgeAll(operations: readonly OperationDiff[]): JudgedChange[] {
  const out: JudgedChange[] = []
  for (const op of operations) {
    if (op.status === 'new')
      out.push({
        operation: op.name,
        side: 'operation',
        path: '',
        change: 'new operation',
        verdict: 'safe',
        reason: 'a new operation',
      })
    if (op.status === 'removed')
      out.push({
        operation: op.name,
        side: 'operation',
        path: '',
        change: 'removed operation',
        verdict: 'breaking',
        reason: 'clients that call it fail',
      })
    if (op.status !== 'updated') continue
    for (const item of [...op.request.items, ...op.response.items]) {
      const [verdict, reason] = judge(item)
      out.push({
        operation: op.name,
        side: item.side,
        path: item.path.join('.'),
        change: describe(item),
        verdict,
        reason,
      })
    }
    for (const e of op.errorsAdded)
      out.push({
        operation: op.name,
        side: 'operation',
        path: '',
        change: `added error ${e}`,
        verdict: 'dangerous',
        reason: 'a new error that callers do not handle yet',
      })
    for (const e of op.errorsRemoved)
      out.push({
        operation: op.name,
        side: 'operation',
        path: '',
        change: `removed error ${e}`,
        verdict: 'safe',
        reason: 'an error that no longer occurs',
      })
  }
  return out
}

/** The version bump a release of this package needs for these changes. */
export function suggestedBump(changes: readonly JudgedChange[]): 'major' | 'minor' | 'patch' {
  if (changes.some((c) => c.verdict === 'breaking')) return 'major'
  return changes.length > 0 ? 'minor' : 'patch'
}
