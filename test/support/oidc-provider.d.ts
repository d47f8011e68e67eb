/** oidc-provider ships no types: the little the federation tests and the README use of it. */
declare module 'oidc-provider' {
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    listen(port: number, host: string): import('node:http').Server
  }
}
