import type { OperationName } from '../../../schemas/operations.js'
import type { ValidationIssue, ValidationResult } from '../validate/types.js'

/**
 * Where real Cognito responses break the model's own constraints, so an honest response check must let
 * them through: the standard attribute `phone_number_verified` (21 characters) appears in every pool's
 * SchemaAttributes, whose Name the model caps at 20 (AWS's published example cuts it to fit).
 */
const KNOWN: ReadonlyArray<(issue: ValidationIssue) => boolean> = [
  (issue) =>
    issue.keyword === 'maxLength' &&
    /(^|\.)schemaAttributes\.\d+\.member\.name$/.test(issue.path) &&
    issue.message.startsWith("Value 'phone_number_verified' at"),
  // A custom domain's CloudFront distribution (`d111111abcdef8.cloudfront.net`) has dots the model's DomainType
  // pattern leaves out (AWS's documentation of CloudFrontDomain: the distribution's domain name).
  (issue) =>
    issue.keyword === 'pattern' &&
    issue.path === 'cloudFrontDomain' &&
    /^Value '[a-z0-9]+\.cloudfront\.net' at/.test(issue.message),
  // A pool's custom domain, as DescribeUserPool and DescribeUserPoolDomain show it (see acceptableRequest).
  (issue) =>
    (issue.keyword === 'pattern' || issue.keyword === 'maxLength') &&
    (issue.path === 'userPool.customDomain' || issue.path === 'domainDescription.domain') &&
    /^Value '(?:[a-z0-9-]+\.)+[a-z]{2,63}' at/.test(issue.message),
  // A user import job's CompletionMessage is a sentence ("Import Job Completed Successfully.", AWS CLI examples of
  // list-user-import-jobs and stop-user-import-job), which the model's pattern `[\w]+` leaves out.
  (issue) =>
    issue.keyword === 'pattern' && /(^|\.)userImportJobs?(\.\d+\.member)?\.completionMessage$/.test(issue.path),
]

/**
 * Requests real Cognito takes although they break the model: a custom domain (`auth.example.com`, with its
 * CustomDomainConfig) in the Domain member, whose model pattern allows a prefix only (CloudFormation's and
 * Terraform's custom domains; without CustomDomainConfig Cognito refuses the dots with a message of its own, seen in
 * a Terraform report).
 */
export function acceptableRequest(operation: OperationName, input: unknown, result: ValidationResult): boolean {
  if (result.valid) return true
  if (result.exception !== 'InvalidParameterException' || !/UserPoolDomain$/.test(operation)) return false
  const domain = (input as { Domain?: unknown } | null)?.['Domain']
  const custom =
    typeof domain === 'string' &&
    /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain) &&
    (operation === 'DescribeUserPoolDomain' ||
      operation === 'DeleteUserPoolDomain' ||
      (input as { CustomDomainConfig?: unknown })['CustomDomainConfig'] !== undefined)
  return (
    custom &&
    result.errors.every((issue) => issue.path === 'domain' && ['pattern', 'maxLength'].includes(issue.keyword))
  )
}

/** Whether a response is valid once the known model discrepancies are set aside. */
export function acceptableResponse(_operation: OperationName, result: ValidationResult): boolean {
  if (result.valid) return true
  if (result.exception !== 'InvalidParameterException') return false
  return result.errors.every((issue) => KNOWN.some((known) => known(issue)))
}
