import { describe, expect, it } from 'vitest'
import { Store, type StoreCommit } from '../../../../src/core/simulation/engine/store.js'
import { table } from '../../../../src/core/simulation/engine/table.js'

interface Note {
  readonly id: string
  readonly text: string
  readonly tags: readonly string[]
}
interface Item {
  readonly note: string
  readonly n: number
}

/** Two tables of plain rows: items belong to notes, notes are found by their text too. */
const DEFINITIONS = {
  notes: table<Note>({ key: (row) => row.id, indexes: { text: (row) => row.text } }),
  items: table<Item>({ key: (row) => `${row.note}/${row.n}`, parent: { table: 'notes', key: (row) => row.note } }),
}

/** A journal whose commits are kept only when the test says so, one promise per commit. */
function heldJournal() {
  const held: Array<{ commit: StoreCommit; keep: () => void; lose: (error: Error) => void }> = []
  let opened: Store | undefined
  return {
    held,
    opened: () => opened,
    journal: {
      commit: (commit: StoreCommit) =>
        new Promise<void>((keep, lose) => {
          held.push({ commit, keep, lose })
        }),
      opened: (store: Store) => {
        opened = store
      },
    },
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

function notes(store: Store<typeof DEFINITIONS>) {
  return store.partition('a', 'r').tables.notes
}

describe('a store whose journal keeps commits later (group commit)', () => {
  it('answers a change only once its commit is kept, while the calls after it run meanwhile', async () => {
    const store = new Store(DEFINITIONS, 1)
    const { held, journal, opened } = heldJournal()
    store.recordTo(journal)
    expect(opened()).toBe(store)
    const answered: string[] = []
    const first = store.exclusive(() => notes(store).insert({ id: 'n1', text: 'one', tags: [] }))
    const second = store.exclusive(() => notes(store).insert({ id: 'n2', text: 'two', tags: [] }))
    void first.then(() => answered.push('n1'))
    void second.then(() => answered.push('n2'))
    await tick()
    // Both ran (the second did not wait for the first's commit to be kept), neither is answered.
    expect(held.map((h) => h.commit.changes.map((c) => c.key))).toEqual([['n1'], ['n2']])
    expect(answered).toEqual([])
    held[0]!.keep()
    await tick()
    expect(answered).toEqual(['n1'])
    held[1]!.keep()
    await Promise.all([first, second])
    expect(answered).toEqual(['n1', 'n2'])
  })

  it('holds the answer of a call that changed nothing until the commits it may have seen are kept', async () => {
    const store = new Store(DEFINITIONS, 1)
    const { held, journal } = heldJournal()
    store.recordTo(journal)
    void store.exclusive(() => notes(store).insert({ id: 'n1', text: 'one', tags: [] }))
    let read: string | undefined
    void store
      .exclusive(() => notes(store).get('n1')?.text)
      .then((text) => {
        read = text
      })
    await tick()
    expect(held).toHaveLength(1)
    expect(read).toBeUndefined()
    held[0]!.keep()
    await tick()
    expect(read).toBe('one')
    // Once everything is kept, a read waits for nothing.
    expect(await store.exclusive(() => notes(store).size)).toBe(1)
  })

  it('fails the call whose commit could not be kept, with the journal error', async () => {
    const store = new Store(DEFINITIONS, 1)
    const { held, journal } = heldJournal()
    store.recordTo(journal)
    const call = store.exclusive(() => notes(store).insert({ id: 'n1', text: 'one', tags: [] }))
    await tick()
    held[0]!.lose(new Error('disk gone'))
    await expect(call).rejects.toThrow('disk gone')
  })

  it('hands out frozen rows in commits and captures, never copies', async () => {
    const store = new Store(DEFINITIONS, 1)
    const commits: StoreCommit[] = []
    store.recordTo({ commit: (commit) => void commits.push(commit) })
    await store.exclusive(() => {
      notes(store).insert({ id: 'n1', text: 'one', tags: ['x'] })
      store.partition('a', 'r').tables.items.insert({ note: 'n1', n: 1 })
    })
    const stored = commits[0]!.changes[0]!.stored!
    expect(Object.isFrozen(stored)).toBe(true)
    expect(Object.isFrozen((stored.row as Note).tags)).toBe(true)
    expect(stored.row).toBe(notes(store).get('n1'))
    const capture = store.capture()
    expect(capture.partitions.map((p) => p.tables.map(([name, rows]) => [name, rows.length]))).toEqual([
      [
        ['notes', 1],
        ['items', 1],
      ],
    ])
    expect(capture.partitions[0]!.tables[0]![1][0]!.row).toBe(notes(store).get('n1'))
    // A capture stays as it was while the store moves on.
    await store.exclusive(() => notes(store).put({ id: 'n1', text: 'changed', tags: [] }))
    expect((capture.partitions[0]!.tables[0]![1][0]!.row as Note).text).toBe('one')
  })
})

describe("loading a journal's rows (a restart)", () => {
  it('takes the rows in place, frozen, keyed and indexed by the definitions, in creation order', () => {
    const store = new Store(DEFINITIONS, 1)
    const rows = [
      { seq: 3, row: { id: 'n3', text: 'three', tags: ['a'] } },
      { seq: 1, row: { id: 'n1', text: 'one', tags: [] } },
    ]
    store.load('a', 'r', 'notes', rows)
    const t = notes(store)
    expect(t.get('n3')).toBe(rows[0]!.row)
    expect(Object.isFrozen(rows[0]!.row.tags)).toBe(true)
    expect(t.find('text', 'one')?.id).toBe('n1')
    expect(t.all().map((n) => n.id)).toEqual(['n1', 'n3'])
    // New rows come after every loaded one.
    store.transaction(() => t.insert({ id: 'n4', text: 'four', tags: [] }))
    expect(t.all().map((n) => n.id)).toEqual(['n1', 'n3', 'n4'])
  })

  it('shares one frozen empty list among loaded rows, and keeps a `__proto__` member a member', () => {
    const store = new Store(DEFINITIONS, 1)
    const rows = [1, 2].map((seq) => JSON.parse(`{"seq":${seq},"row":{"id":"n${seq}","text":"t${seq}","tags":[]}}`))
    const odd = JSON.parse('{"seq":3,"row":{"id":"n3","text":"t3","tags":[],"__proto__":{}}}')
    store.load('a', 'r', 'notes', [...rows, odd])
    const t = notes(store)
    expect(t.get('n1')!.tags).toBe(t.get('n2')!.tags)
    expect(Object.isFrozen(t.get('n1')!.tags)).toBe(true)
    expect(JSON.stringify(t.get('n3'))).toBe('{"id":"n3","text":"t3","tags":[],"__proto__":{}}')
    expect(Object.getPrototypeOf(t.get('n3'))).toBe(Object.prototype)
  })

  it('refuses a table the definitions do not have', () => {
    const store = new Store(DEFINITIONS, 1)
    expect(() => store.load('a', 'r', 'gone', [])).toThrow(
      'cognito-idp-contract: the journal has a table this simulation does not know: gone',
    )
  })
})
