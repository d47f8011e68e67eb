import { OPERATIONS_DIR } from '../simulation-index.js'
import { reachable } from './graph.js'
import { differencesOf, type Marker, markersOf } from './markers.js'

/** Where the simulation lives, relative to the project root. */
export const SIMULATION_DIR = 'src/core/simulation'
/** The hosted UI and OAuth endpoints of a pool's domain. */
export const HOSTED_DIR = `${SIMULATION_DIR}/hosted`
/** The folders of the wire protocol, validation, the mock and the HTTP server, whose markers get a section of their own. */
export const PROTOCOL_DIRS: readonly string[] = [
  'src/core/protocol',
  'src/core/validate',
  'src/core/shared',
  'src/core/mock',
  'src/adapters/server',
]
/** How the hosted UI is named among the users of a shared file. */
export const HOSTED_USER = 'hosted UI'

/** The markers of one file, in line order. */
export interface FileMarkers {
  /** The file, relative to the project root. */
  readonly file: string
  readonly markers: readonly Marker[]
}

/** What the page says of one simulated operation. */
export interface OperationFidelity {
  readonly name: string
  /** Its own file, relative to the project root. */
  readonly file: string
  /** Markers of its file and of the files no other operation (nor the hosted UI) uses; its file first. */
  readonly own: readonly FileMarkers[]
  /** Files with markers it uses together with other operations or the hosted UI, sorted. */
  readonly shared: readonly string[]
}

/** A file with markers that several operations (or an operation and the hosted UI) use. */
export interface SharedFile extends FileMarkers {
  /** The operations that use it, sorted, then the hosted UI when it does. */
  readonly users: readonly string[]
}

/** Everything the fidelity page shows, sorted. */
export interface Fidelity {
  readonly operations: readonly OperationFidelity[]
  readonly shared: readonly SharedFile[]
  /** The hosted UI's own files, and files only it uses. */
  readonly hosted: readonly FileMarkers[]
  /** Simulation files no operation or hosted page uses (the simulation's set-up, store and fixtures). */
  readonly simulationWide: readonly FileMarkers[]
  /** Files of the protocol, validation, mock and server folders. */
  readonly protocol: readonly FileMarkers[]
  /** Statements of known differences from Cognito, in file and line order. */
  readonly differences: readonly Marker[]
  /** The operations the model has, simulated or not. */
  readonly modelOperations: number
}

/** The sources the page is made from: every `.ts` file of the simulation and protocol folders, by path. */
export interface FidelityInput {
  /** The simulated operations, by name (each has `<OPERATIONS_DIR>/<name>.ts`). */
  readonly operations: readonly string[]
  /** How many operations the model has. */
  readonly modelOperations: number
  readonly sources: ReadonlyMap<string, string>
}

/** Whether `file` is in `dir` or one of its subfolders. */
function within(file: string, dir: string): boolean {
  return file.startsWith(`${dir}/`)
}

/** Plain string order, the same in every locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Sorts what a section shows: its files in path order. */
function sortedFiles(list: FileMarkers[]): FileMarkers[] {
  return list.sort((a, b) => byText(a.file, b.file))
}

/**
 * Attributes every marker to what uses it: an operation's file and the files it alone reaches through value
 * imports to the operation; files several operations (or an operation and the hosted UI) reach to the shared
 * section; the hosted UI's files to its section; the rest of the simulation to the simulation-wide section.
 */
export function attribute(input: FidelityInput): Fidelity {
  const files = [...input.sources.keys()].sort(byText)
  const markers = new Map<string, Marker[]>()
  for (const file of files) {
    const found = markersOf(file, input.sources.get(file)!)
    if (found.length > 0) markers.set(file, found)
  }
  const operationFile = (name: string) => `${OPERATIONS_DIR}/${name}.ts`
  const hostedFiles = files.filter((f) => within(f, HOSTED_DIR))
  const roots = [...input.operations.map(operationFile), ...hostedFiles]
  const reach = reachable(
    roots,
    (f) => within(f, SIMULATION_DIR),
    (f) => input.sources.get(f),
  )
  // Who uses each simulation file: operations by name, and the hosted UI.
  const users = new Map<string, Set<string>>()
  const use = (file: string, user: string) => {
    let set = users.get(file)
    if (!set) users.set(file, (set = new Set()))
    set.add(user)
  }
  for (const name of input.operations) for (const file of reach.get(operationFile(name))!) use(file, name)
  for (const root of hostedFiles) for (const file of reach.get(root)!) use(file, HOSTED_USER)
  const userList = (file: string) => {
    const set = users.get(file) ?? new Set<string>()
    const names = [...set].filter((u) => u !== HOSTED_USER).sort(byText)
    return set.has(HOSTED_USER) ? [...names, HOSTED_USER] : names
  }

  const own = new Map<string, FileMarkers[]>(input.operations.map((n) => [n, []]))
  const sharedOf = new Map<string, string[]>(input.operations.map((n) => [n, []]))
  const shared: SharedFile[] = []
  const hosted: FileMarkers[] = []
  const simulationWide: FileMarkers[] = []
  const protocol: FileMarkers[] = []
  for (const [file, list] of markers) {
    const entry = { file, markers: list }
    if (!within(file, SIMULATION_DIR)) {
      if (PROTOCOL_DIRS.some((d) => within(file, d))) protocol.push(entry)
      continue
    }
    const by = userList(file)
    const operationOf = input.operations.find((n) => operationFile(n) === file)
    if (operationOf !== undefined) own.get(operationOf)!.push(entry)
    else if (within(file, HOSTED_DIR) || (by.length === 1 && by[0] === HOSTED_USER)) hosted.push(entry)
    else if (by.length === 0) simulationWide.push(entry)
    else if (by.length === 1) own.get(by[0]!)!.push(entry)
    else {
      shared.push({ ...entry, users: by })
      for (const user of by) sharedOf.get(user)?.push(file)
    }
  }
  const operations = input.operations
    .map((name) => {
      const file = operationFile(name)
      const list = own.get(name)!
      const mine = list.filter((f) => f.file === file)
      const rest = sortedFiles(list.filter((f) => f.file !== file))
      return { name, file, own: [...mine, ...rest], shared: sharedOf.get(name)!.sort(byText) }
    })
    .sort((a, b) => byText(a.name, b.name))
  const inScope = (file: string) => within(file, SIMULATION_DIR) || PROTOCOL_DIRS.some((d) => within(file, d))
  const differences = files.filter(inScope).flatMap((file) => differencesOf(file, input.sources.get(file)!))
  return {
    operations,
    shared: shared.sort((a, b) => byText(a.file, b.file)),
    hosted: sortedFiles(hosted),
    simulationWide: sortedFiles(simulationWide),
    protocol: sortedFiles(protocol),
    differences,
    modelOperations: input.modelOperations,
  }
}

/** Every marker the page shows, each once. */
export function allMarkers(fidelity: Fidelity): Marker[] {
  return [
    ...fidelity.operations.flatMap((o) => o.own),
    ...fidelity.shared,
    ...fidelity.hosted,
    ...fidelity.simulationWide,
    ...fidelity.protocol,
  ].flatMap((f) => f.markers)
}
