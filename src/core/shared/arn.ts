/** The ARN of a user pool, from its id (the region is the id's prefix) and the account. */
export function userPoolArn(poolId: string, account: string): string {
  const region = poolId.slice(0, poolId.indexOf('_'))
  return `arn:aws:cognito-idp:${region}:${account}:userpool/${poolId}`
}
