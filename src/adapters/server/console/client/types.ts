/**
 * Types of the console's page code. The page's functions are sent to the browser as their own source text
 * (`Function.prototype.toString`), so each refers to nothing outside itself but its parameters, these types and the
 * browser's globals.
 */

/** What an element is made from: attributes (`on…` functions become listeners) and children. */
export type Props = Readonly<Record<string, string | number | boolean | EventListener | null | undefined>>
/** A child of an element: a node, text, or nothing. */
export type Child = Node | string | number | null | undefined | false

/** A pool as the pools route lists it. */
export interface PoolRef {
  readonly accountId: string
  readonly region: string
  readonly Id: string
  readonly Name: string
  readonly CreationDate?: number | undefined
}

/** A refusal: Cognito's error type and message, or the server's. */
export interface Refusal {
  readonly type: string
  readonly message: string
}

/** What every view is given: elements, the control routes, formats and the live status line. */
export interface Kit {
  /** Makes an element. */
  h(tag: string, props?: Props | null, ...children: Child[]): HTMLElement
  /** A control route's JSON (GET). */
  get<T>(path: string, query?: Readonly<Record<string, string | number | undefined>>): Promise<T>
  /** Sends JSON to a control route (POST or PUT) and reads its answer (none for 204). */
  send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T>
  /** Runs one of the simulation's operations in a pool's account and region; rejects with Cognito's refusal. */
  run<T>(operation: string, input: Readonly<Record<string, unknown>>, pool?: PoolRef | undefined): Promise<T>
  /** Listens to the console's events until the page closes (reconnecting); `open` is told of each connection. */
  listen(onEvent: (event: string, data: unknown) => void, open: (connected: boolean) => void): void
  /** Says something in the status line (read out by screen readers). */
  say(text: string): void
  /** A time for people: epoch seconds or an ISO string. */
  time(value: number | string | undefined): string
  /** Copies text to the clipboard. */
  copy(text: string): Promise<void>
  /** A refusal from what a rejected promise gave. */
  refusal(error: unknown): Refusal
  /** A table: caption, column names, rows of cells; wrapped so that it scrolls on its own when wide. */
  table(caption: string, columns: readonly string[], rows: ReadonlyArray<readonly Child[]>, empty: string): HTMLElement
}

/** One of the console's views. */
export interface View {
  /** Reads again what the view shows. */
  refresh(): Promise<void>
  /** A line of the request log arrived (the calls view shows it at once). */
  call?(entry: unknown): void
}

/** What the views share: the pools, the selected one, and moving between views. */
export interface App {
  pools: PoolRef[]
  pool: PoolRef | undefined
  /** Selects a pool (the header's list follows), then shows a view. */
  choose(pool: PoolRef | undefined, view?: string | undefined): void
  /** Reads the pools again. */
  reloadPools(): Promise<void>
}

/** Makes a view inside its panel. */
export type ViewMaker = (k: Kit, app: App, panel: HTMLElement) => View

/** A user as the users route lists it: ListUsers' member, with groups, MFA, devices and the last sign-in seen. */
export interface ConsoleUser {
  readonly Username: string
  readonly UserStatus?: string | undefined
  readonly Enabled?: boolean | undefined
  readonly Attributes?: ReadonlyArray<{ readonly Name: string; readonly Value?: string | undefined }> | undefined
  readonly UserCreateDate?: number | undefined
  readonly UserLastModifiedDate?: number | undefined
  readonly groups?: readonly string[] | undefined
  readonly mfa?: { readonly preferred?: string | undefined; readonly enabled: readonly string[] } | undefined
  readonly devices?: number | undefined
  /** Whether the user has registered a passkey. */
  readonly passkey?: boolean | undefined
  readonly lastSignIn?: number | undefined
}

/** Opens the dialog that manages one user; `changed` is called after each change it makes. */
export type UserDialog = (k: Kit, app: App, user: ConsoleUser, changed: () => void) => void
/** Opens the dialog that creates a user. */
export type CreateDialog = (k: Kit, app: App, changed: () => void) => void
