export { type ConsumerReport, checkContract, consumerHeader, formatConsumerReport } from './consumer.js'
export { type ChangeItem, diffModels, type OperationDiff, type SideDiff } from './diff.js'
export { type ChangeReport, changeReport, formatReport, headerLine, reportJson } from './report.js'
export { type JudgedChange, judge, judgeAll, suggestedBump, type Verdict } from './verdicts.js'
