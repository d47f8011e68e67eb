import type { OperationName } from '../../../schemas/operations.js'
import { mergeContracts } from '../contract/merge.js'
import { ContractRecorder } from '../contract/record.js'
import type { ConsumerContract } from '../contract/types.js'
import type { ContractOptions } from './options.js'

/** The consumer contract the calls make, when the `contract` option turns recording on (reset() keeps it). */
export class ContractRecording {
  private readonly recorder: ContractRecorder | undefined
  private recorded = mergeContracts([])
  private untaken = this.recorded

  /** Records only when `option` is true or names the consumer. */
  constructor(option: boolean | ContractOptions | undefined) {
    this.recorder = option
      ? new ContractRecorder({ consumer: typeof option === 'object' ? option.consumer : undefined })
      : undefined
  }

  /** Records one answered call (nothing when recording is off). */
  add(operation: OperationName, input: unknown, output: unknown, errorType: string | undefined): void {
    this.recorder?.add(operation, input, output, errorType)
  }

  /** The contract recorded so far. */
  contract(): ConsumerContract {
    if (!this.recorder)
      throw new TypeError(
        'cognito-idp-contract: contract() needs the contract option (contract: true, or { consumer, file })',
      )
    const taken = this.recorder.take()
    this.recorded = mergeContracts([this.recorded, taken])
    this.untaken = mergeContracts([this.untaken, taken])
    return this.recorded
  }

  /** What was recorded since the last call of this method. */
  sinceLastTake(): ConsumerContract {
    this.contract()
    const out = this.untaken
    this.untaken = mergeContracts([])
    return out
  }
}
