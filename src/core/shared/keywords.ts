/** The extension keywords our schemas carry, for JSON Schema tools that want them declared (Ajv's `addVocabulary`). */
export const schemaKeywords = [
  'x-aws-shape',
  'x-aws-pattern',
  'x-aws-sensitive',
  'x-aws-timestamp',
  'x-aws-blob',
  'x-aws-long',
  'x-aws-document',
  'x-aws-error',
  'x-aws-synthetic',
] as const
