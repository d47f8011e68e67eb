export { mergeContracts, parseContract } from './merge.js'
export { ContractRecorder } from './record.js'
export {
  CONTRACT_FORMAT,
  type ConsumerContract,
  type MemberKind,
  type MemberUsage,
  type OperationUsage,
  type RecordedConstraints,
} from './types.js'
