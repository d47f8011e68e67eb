export { changeReport, formatReport, headerLine, reportJson, type ChangeReport } from './report.js'
export { diffModels, type ChangeItem, type OperationDiff, type SideDiff } from './diff.js'
export { judge, judgeAll, suggestedBump, type JudgedChange, type Verdict } from './verdicts.js'
