import type { ChallengeNameType } from '../../../../generated/types.js'
import { isCognitoError } from '../../protocol/errors.js'
import { secretHash } from '../../shared/crypto.js'
import type { Can } from '../context.js'
import { answerChallenge } from '../flows/sign-in/answer.js'
import { passwordSignIn } from '../flows/sign-in/begin.js'
import type { AuthAnswer, AuthEnv } from '../flows/sign-in/next.js'
import { ConfirmForgotPassword } from '../operations/ConfirmForgotPassword.js'
import { ConfirmSignUp } from '../operations/ConfirmSignUp.js'
import { ForgotPassword } from '../operations/ForgotPassword.js'
import { SignUp } from '../operations/SignUp.js'
import type { ClientRow } from '../resources/clients.js'
import { termsLinksForClient } from '../resources/terms.js'
import { authorizationQuery, checkAuthorization } from './authorize.js'
import { pageStyleFor } from './branding.js'
import { complete } from './complete.js'
import { type Field, form, layout, links, type PageStyle } from './pages.js'
import { page } from './respond.js'
import { type Authorization, HostedFailure, type HostedResponse, type Site } from './types.js'

const CODE_FIELD: Partial<Record<ChallengeNameType, string>> = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
}

/** The sign-in page: username and password (when the client offers COGNITO), then the client's other providers. */
export function loginPage(site: Site, query: URLSearchParams, message?: string, note?: string): HostedResponse {
  const authorization = checkAuthorization(site, query)
  const q = authorizationQuery(query)
  const providers = (authorization.client.client.SupportedIdentityProviders ?? []).filter((p) => p !== 'COGNITO')
  const cognito = (authorization.client.client.SupportedIdentityProviders ?? []).includes('COGNITO')
  const style = pageStyleFor(site, authorization.client)
  const content = [
    note ? `<p class="note" id="note">${note}</p>` : '',
    cognito
      ? form(
          `${site.base}/login?${q}`,
          [
            { name: 'username', label: 'Username', value: authorization.loginHint },
            { name: 'password', label: 'Password', type: 'password' },
          ],
          'Sign in',
          'signin',
        )
      : '',
    links([
      ...providers.map(
        (p) =>
          [
            `${site.base}/oauth2/authorize?${q}&identity_provider=${encodeURIComponent(p)}`,
            `Sign in with ${p}`,
            `idp-${p}`,
          ] as const,
      ),
      ...(cognito
        ? ([
            [`${site.base}/forgotPassword?${q}`, 'Forgot your password?', 'forgot'],
            [`${site.base}/signup?${q}`, 'Sign up', 'signup'],
          ] as const)
        : []),
    ]),
    termsLinks(site, authorization.client),
  ].join('\n')
  return page(message ? 400 : 200, layout('Sign in', content, message, style))
}

/**
 * The client's terms of use and privacy policy as links with stable ids, in the language of the `lang` parameter
 * (managed login's), when the client has both (terms.ts decides).
 */
function termsLinks(site: Site, client: ClientRow): string {
  const found = termsLinksForClient(
    site.cx.tables,
    site.pool.pool.Id,
    client.client.ClientId,
    site.query.get('lang') ?? undefined,
  )
  const text = { 'terms-of-use': 'Terms of use', 'privacy-policy': 'Privacy policy' } as const
  return links(found.map((t) => [t.url, text[t.name], t.name] as const))
}

function envOf(site: Site, client: ClientRow): AuthEnv {
  return { pool: site.pool, client, admin: false, hosted: true }
}

function hashFor(client: ClientRow, username: string): Record<string, string> {
  const secret = client.client.ClientSecret
  return secret === undefined ? {} : { SECRET_HASH: secretHash(secret, `${username}${client.client.ClientId}`) }
}

/** The page of the next challenge of a sign-in. */
function challengePage(
  site: Site,
  q: string,
  answer: AuthAnswer,
  username: string,
  message?: string,
  style?: PageStyle,
): HostedResponse {
  const name = answer.ChallengeName!
  const hidden: Field[] = [
    { name: '_challenge', label: '', type: 'hidden', value: name },
    { name: '_session', label: '', type: 'hidden', value: answer.Session },
    { name: '_username', label: '', type: 'hidden', value: username },
  ]
  let fields: Field[]
  let title: string
  if (name === 'NEW_PASSWORD_REQUIRED') {
    title = 'Change password'
    fields = [{ name: 'new_password', label: 'New password', type: 'password' }]
  } else if (name === 'SELECT_MFA_TYPE') {
    title = 'Choose how to verify'
    fields = [{ name: 'answer', label: `One of ${answer.ChallengeParameters['MFAS_CAN_CHOOSE'] ?? ''}` }]
  } else if (CODE_FIELD[name]) {
    title = name === 'SOFTWARE_TOKEN_MFA' ? 'Enter the code from your authenticator app' : 'Enter the code we sent you'
    const where = answer.ChallengeParameters['CODE_DELIVERY_DESTINATION']
    fields = [{ name: 'code', label: where ? `Code sent to ${where}` : 'Code' }]
  } else {
    // Chosen: challenges the plain page does not offer (MFA set-up, custom challenges, passkeys).
    return page(400, layout('Sign in', '', `${name} is not offered by this hosted page.`, style))
  }
  return page(
    message ? 400 : 200,
    layout(title, form(`${site.base}/login?${q}`, [...hidden, ...fields], 'Continue', 'challenge'), message, style),
  )
}

/** Runs one step of a sign-in; a Cognito error renders `again` with its message after the step's changes are undone. */
async function step<T>(run: () => Promise<T>, again: (message: string) => HostedResponse): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (isCognitoError(error) && error.name !== 'InternalErrorException') throw new HostedFailure(again(error.message))
    throw error
  }
}

/** The sign-in is done: on to the app with a code (or tokens). */
async function finished(site: Site, authorization: Authorization, answer: AuthAnswer): Promise<HostedResponse> {
  const { user: key, authTime } = answer.signedIn!
  const user = site.cx.tables.users.get(`${site.pool.pool.Id}/${key}`)!
  return complete(site, authorization, user, authTime)
}

/** POST /login: a password, or the answer to the challenge it led to. */
export async function submitLogin(site: Site, body: URLSearchParams): Promise<HostedResponse> {
  const query = site.query
  const authorization = checkAuthorization(site, query)
  const q = authorizationQuery(query)
  const env = envOf(site, authorization.client)
  const style = pageStyleFor(site, authorization.client)
  const cx = site.cx as Can<never>
  const challengeName = body.get('_challenge') as ChallengeNameType | null
  let answer: AuthAnswer
  if (challengeName) {
    const username = body.get('_username') ?? ''
    const responses: Record<string, string> = { USERNAME: username, ...hashFor(authorization.client, username) }
    if (challengeName === 'NEW_PASSWORD_REQUIRED') responses['NEW_PASSWORD'] = body.get('new_password') ?? ''
    else if (challengeName === 'SELECT_MFA_TYPE') responses['ANSWER'] = body.get('answer') ?? ''
    else responses[CODE_FIELD[challengeName] ?? 'ANSWER'] = body.get('code') ?? ''
    const session = body.get('_session') ?? undefined
    answer = await step(
      () => answerChallenge(cx as never, env, challengeName, responses, session),
      (message) =>
        challengeName === 'NEW_PASSWORD_REQUIRED' || CODE_FIELD[challengeName]
          ? challengePage(
              site,
              q,
              { ChallengeName: challengeName, Session: session, ChallengeParameters: {} },
              username,
              message,
              style,
            )
          : loginPage(site, query, message),
    )
    if (answer.ChallengeName) return challengePage(site, q, answer, username, undefined, style)
    return finished(site, authorization, answer)
  }
  const username = body.get('username') ?? ''
  const password = body.get('password') ?? ''
  answer = await step(
    () => passwordSignIn(cx as never, env, username, password, undefined),
    (message) => loginPage(site, query, message),
  )
  if (answer.ChallengeName) return challengePage(site, q, answer, username, undefined, style)
  return finished(site, authorization, answer)
}

/** GET /signup and POST /signup: username, password and email, then the confirmation code. */
export async function signUp(site: Site, method: string, body: URLSearchParams): Promise<HostedResponse> {
  const authorization = checkAuthorization(site, site.query)
  const q = authorizationQuery(site.query)
  const client = authorization.client
  const style = pageStyleFor(site, client)
  const signUpPage = (message?: string) =>
    page(
      message ? 400 : 200,
      layout(
        'Sign up',
        [
          form_(`${site.base}/signup?${q}`, [
            { name: 'username', label: 'Username' },
            { name: 'email', label: 'Email', type: 'email' },
            { name: 'password', label: 'Password', type: 'password' },
          ]),
          termsLinks(site, client),
        ].join('\n'),
        message,
        style,
      ),
    )
  if (method === 'GET') return signUpPage()
  const username = body.get('username') ?? ''
  const email = body.get('email') ?? ''
  const result = await step(
    () =>
      Promise.resolve(
        SignUp.run(site.cx as never, {
          ClientId: client.client.ClientId,
          Username: username,
          Password: body.get('password') ?? '',
          ...(email && { UserAttributes: [{ Name: 'email', Value: email }] }),
          ...(client.client.ClientSecret !== undefined && { SecretHash: hashFor(client, username)['SECRET_HASH'] }),
        }),
      ),
    signUpPage,
  )
  if (result.UserConfirmed) return loginPage(site, site.query, undefined, 'Your account is ready. Sign in.')
  return confirmPage(site, q, username, undefined, style)
}

function form_(action: string, fields: Field[]): string {
  return form(action, fields, 'Continue', 'form')
}

function confirmPage(site: Site, q: string, username: string, message?: string, style?: PageStyle): HostedResponse {
  return page(
    message ? 400 : 200,
    layout(
      'Confirm your account',
      form(
        `${site.base}/confirm?${q}`,
        [
          { name: 'username', label: '', type: 'hidden', value: username },
          { name: 'code', label: 'Confirmation code' },
        ],
        'Confirm',
        'confirm',
      ),
      message,
      style,
    ),
  )
}

/** POST /confirm: the sign-up's code; then the sign-in page says the account is confirmed. */
export async function confirm(site: Site, body: URLSearchParams): Promise<HostedResponse> {
  const authorization = checkAuthorization(site, site.query)
  const q = authorizationQuery(site.query)
  const username = body.get('username') ?? ''
  await step(
    () =>
      Promise.resolve(
        ConfirmSignUp.run(site.cx as never, {
          ClientId: authorization.client.client.ClientId,
          Username: username,
          ConfirmationCode: body.get('code') ?? '',
          ...(authorization.client.client.ClientSecret !== undefined && {
            SecretHash: hashFor(authorization.client, username)['SECRET_HASH'],
          }),
        }),
      ),
    (message) => confirmPage(site, q, username, message, pageStyleFor(site, authorization.client)),
  )
  return loginPage(site, site.query, undefined, 'Your account is confirmed. Sign in.')
}

/** GET/POST /forgotPassword and POST /confirmForgotPassword: a code, then a new password. */
export async function forgotPassword(
  site: Site,
  method: string,
  path: string,
  body: URLSearchParams,
): Promise<HostedResponse> {
  const authorization = checkAuthorization(site, site.query)
  const q = authorizationQuery(site.query)
  const client = authorization.client
  const style = pageStyleFor(site, client)
  const askPage = (message?: string) =>
    page(
      message ? 400 : 200,
      layout(
        'Forgot your password?',
        form_(`${site.base}/forgotPassword?${q}`, [{ name: 'username', label: 'Username' }]),
        message,
        style,
      ),
    )
  const resetPage = (username: string, message?: string) =>
    page(
      message ? 400 : 200,
      layout(
        'Reset your password',
        form(
          `${site.base}/confirmForgotPassword?${q}`,
          [
            { name: 'username', label: '', type: 'hidden', value: username },
            { name: 'code', label: 'Code' },
            { name: 'password', label: 'New password', type: 'password' },
          ],
          'Reset password',
          'reset',
        ),
        message,
        style,
      ),
    )
  const secret = (username: string) =>
    client.client.ClientSecret !== undefined ? { SecretHash: hashFor(client, username)['SECRET_HASH'] } : {}
  if (path === '/forgotPassword' && method === 'GET') return askPage()
  const username = body.get('username') ?? ''
  if (path === '/forgotPassword') {
    await step(
      () =>
        Promise.resolve(
          ForgotPassword.run(site.cx as never, {
            ClientId: client.client.ClientId,
            Username: username,
            ...secret(username),
          }),
        ),
      askPage,
    )
    return resetPage(username)
  }
  await step(
    () =>
      Promise.resolve(
        ConfirmForgotPassword.run(site.cx as never, {
          ClientId: client.client.ClientId,
          Username: username,
          ConfirmationCode: body.get('code') ?? '',
          Password: body.get('password') ?? '',
          ...secret(username),
        }),
      ),
    (message) => resetPage(username, message),
  )
  return loginPage(site, site.query, undefined, 'Your password was reset. Sign in.')
}
